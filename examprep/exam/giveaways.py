"""Code sets that would give an answer away: a listing showing an earlier question's answer, or a blank's
symmetric partner (`y_max = y + stride * out_h` beside the blank `x_max = x + stride * out_w`).

Listings print every line but their own blanks, so a set is not used (compose._code_sets) when its listing shows
what another question asks, or the line a blank mirrors: the same line with its partner names swapped (x <-> y,
H <-> W, xx1 <-> yy1 ...), also when the two differ in their integer indices as well (`xx2 = np.minimum(box[2],
boxes[:, 2])` above the blank `yy2 = np.minimum(box[3], boxes[:, 3])`).
"""
import re

LEAK_MIN = 8   # answers shorter than this (a name, `dout`) are common words, not give-aways
PARTNERS = [("x", "y"), ("h", "w"), ("H", "W"), ("FH", "FW"), ("out_h", "out_w"), ("filter_h", "filter_w"),
            ("pool_h", "pool_w"), ("x_max", "y_max"), ("x_min", "y_min"), ("row", "col"), ("beta1", "beta2"),
            ("m_hat", "v_hat"), ("xx1", "yy1"), ("xx2", "yy2")]
_TABLE = {a: b for pair in PARTNERS for a, b in (pair, pair[::-1])}
_NAMES = re.compile(r"\b(" + "|".join(sorted(map(re.escape, _TABLE), key=len, reverse=True)) + r")\b")
_INTEGER = re.compile(r"(?<![\w.])\d+(?![\w.])")   # box[2] and (3, 4), not xx2, 1e-7 or 2.0


def squeeze(text):
    """The text without any whitespace (listings and answers are compared so)."""
    return "".join(text.split())


def partner(text):
    """The text with every partner name swapped (x_max <-> y_max, H <-> W ...), or None when it has none."""
    swapped = _NAMES.sub(lambda m: _TABLE[m.group(1)], text)
    return swapped if swapped != text else None


def _integers_masked(text):
    return _INTEGER.sub("#", text)


def _twin_shown(line, listing_lines):
    """Whether the listing shows the line's partner, also one that differs from it in integers only."""
    mirrored = partner(line)
    return mirrored is not None and _integers_masked(mirrored) in listing_lines


def leaks(earlier, questions):
    """Whether a set would give away an answer: a listing that shows an earlier question's answer, or an answer
    that an earlier listing showed, or a listing that shows a blank's symmetric partner (in its own line, such as
    `y:y_max:stride` beside the blank `x:x_max:stride`, or elsewhere). Answers shorter than LEAK_MIN characters are
    common words, not give-aways."""
    answers = {squeeze(q.answer) for q in questions if len(squeeze(q.answer)) >= LEAK_MIN}
    code = questions[0].code or ""
    listing = squeeze(code)
    listing_lines = {_integers_masked(squeeze(line)) for line in code.split("\n") if line.strip()}
    for q in questions:
        blank = q.blank or {}
        line = squeeze(blank.get("template", "").replace(blank.get("marker", "\0"), q.answer))
        if line and ((partner(line) or "\0") in listing or _twin_shown(line, listing_lines)):
            return True
        answer = squeeze(q.answer)
        if len(answer) >= LEAK_MIN and (partner(answer) or "\0") in listing:
            return True
    for q in earlier:
        if (len(squeeze(q.answer)) >= LEAK_MIN and squeeze(q.answer) in listing) or \
                any(a in squeeze(q.code or "") for a in answers):
            return True
    return False
