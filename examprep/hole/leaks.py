"""Answer leaks: a blanked line's text shown elsewhere in its hole file or in the hints.

find_leaks(problem, level, seed) makes the hole `examprep drill ID --level LEVEL --seed SEED` shows and
returns every Leak in it (an empty list: none); hole_leaks(problem, hole) does the same for a hole already
made. redact(problem, hole) is what holes.make applies: prose (comments, docstring lines) that leaks a blank
has the leaking stretch replaced by "…", line count unchanged.

What counts as a leak of a blank (for level full, of each simple statement of the blanked body):

- *code*: the statement (when it computes anything), or its value (the right-hand side, the returned
  expression) when that computes at least three things (calls, operators, indexing): in the visible code
  as a statement or expression of its own (compared as ASTs); in prose (a comment, a docstring line, a hint)
  verbatim, whitespace aside, not as part of a longer name or expression. `np.zeros_like(val)` beside its
  twin is no leak; `out[self.mask] = 0` spelled out in a comment is.
- *formula*: in prose, the value written as a formula: the same tokens in the same order, where names may
  differ (`dW` for `grads[key]`, `t` for `self.iter`) but at least one is the same, `self.`, `np.` and
  `[key]`-style indexing are dropped, numbers compared as numbers, and two operators or more.
  `m <- beta1 * m + (1 - beta1) * dW` in a docstring gives away
  `self.m[key] = self.beta1 * self.m[key] + (1 - self.beta1) * grads[key]`.
"""
import ast
import functools
import io
import re
import textwrap
import tokenize
from dataclasses import dataclass, replace

from examprep.hole import hints as hints_module
from examprep.common import pyast

OPERATIONS = (ast.Call, ast.BinOp, ast.UnaryOp, ast.Compare, ast.BoolOp, ast.Subscript)
SIMPLE = (ast.Assign, ast.AugAssign, ast.AnnAssign, ast.Return, ast.Expr)
LANGS = ("ja", "en")
VALUE_OPERATIONS = 3   # a value computing fewer things is not a leak on its own (`np.zeros_like(val)`)
REDACTED = "…"


@dataclass(frozen=True)
class Leak:
    label: str        # the blank: "(1)", "(あ)"
    answer: str       # what leaked: the blanked statement or its value, as in the reference
    kind: str         # "code" (verbatim) or "formula" (the same formula in prose)
    where: str        # "line 12" of the hole file, or "hint 2 of (1) [en]"
    text: str         # the text it leaked in

    def __str__(self):
        return f"{self.label} {self.answer!r} leaks as {self.kind} in {self.where}: {self.text!r}"


@dataclass(frozen=True)
class _Needle:
    label: str
    text: str          # the reference's source of the statement or value
    normal: str        # ast.unparse of it
    squashed: str      # without whitespace
    tokens: tuple      # formula tokens (values only), () when too simple to be a formula


def find_leaks(problem, level="normal", seed=0, blanks=None, shown=True):
    """The leaks of the hole `examprep drill ID --level LEVEL --seed SEED` shows (hints in both languages).

    shown=False: of the hole as rendered from the reference before redact() cut the leaking prose, i.e. the
    comments and docstrings of the reference that spell out a blank (for authors)."""
    from examprep.hole import holes

    if shown:
        hole = holes.make(problem, level=level, blanks=blanks, seed=seed, lang="en")
    else:
        hole = holes.render(problem, holes.choose(problem, level, blanks, seed), level, seed, "en")
    return hole_leaks(problem, hole)


def hole_leaks(problem, hole):
    """The leaks of a made hole: in its file text and in every blank's hints, in Japanese and English."""
    needles = _needles(hole)
    lines = _shown_lines(hole.text)
    out = []
    for number, line, start in _prose_lines(lines, hole.text):
        for needle in needles:
            for kind, span in _prose_matches(needle, line[start:]):
                out.append(Leak(needle.label, needle.text, kind, f"line {number}", line.strip()))
    for number, normal in _code_pieces(hole.text):
        for needle in needles:
            if needle.normal == normal:
                out.append(Leak(needle.label, needle.text, "code", f"line {number}", lines[number - 1].strip()))
    for lab, cand in zip(hole.labels, hole.blanks):
        for lang in LANGS:
            for i, hint in enumerate(hints_module.hints_for(problem, cand, lang), 1):
                for needle in needles:
                    for kind, span in _prose_matches(needle, hint):
                        out.append(Leak(needle.label, needle.text, kind, f"hint {i} of {lab} [{lang}]", hint))
    return list(dict.fromkeys(out))


def redact(problem, hole):
    """The hole with every stretch of a comment or docstring line that leaks a blank replaced by "…"."""
    needles = _needles(hole)
    if not needles:
        return hole
    all_lines = hole.text.split("\n")
    shown = _shown_lines(hole.text)
    changed = False
    for number, line, start in _prose_lines(shown, hole.text):
        spans = [span for needle in needles for _, span in _prose_matches(needle, line[start:])]
        if not spans:
            continue
        text = all_lines[number - 1]
        for a, b in sorted(_merged(spans), reverse=True):
            text = text[:start + a] + REDACTED + text[start + b:]
        all_lines[number - 1] = text
        changed = True
    return replace(hole, text="\n".join(all_lines)) if changed else hole


def _merged(spans):
    out = []
    for a, b in sorted(spans):
        if out and a <= out[-1][1]:
            out[-1] = (out[-1][0], max(out[-1][1], b))
        else:
            out.append((a, b))
    return out


# --- what must not be shown ----------------------------------------------------------------------------------

def _needles(hole):
    out = []
    for lab, cand in zip(hole.labels, hole.blanks):
        text = textwrap.dedent(cand.text)
        try:
            tree = pyast.parse(text)
        except SyntaxError:
            continue
        for stmt in ast.walk(tree):
            if not isinstance(stmt, SIMPLE) or getattr(stmt, "value", None) is None:
                continue
            if isinstance(stmt, ast.Expr) and isinstance(stmt.value, ast.Constant):
                continue  # a docstring
            if _operations(stmt) >= 1:
                out.append(_needle(lab, text, stmt, formula=False))
            if _operations(stmt.value) >= VALUE_OPERATIONS:
                out.append(_needle(lab, text, stmt.value, formula=True))
    return out


def _needle(label, text, node, formula):
    source = ast.get_source_segment(text, node) or ast.unparse(node)
    tokens = ()
    if formula:
        values = tuple(tok[:2] for tok in _tokens(source))
        if sum(1 for kind, value in values if kind == "op") >= 2:
            tokens = values
    return _Needle(label, source, ast.unparse(node), _squash(source), tokens)


def _operations(node):
    return sum(isinstance(n, OPERATIONS) for n in ast.walk(node))


# --- where it could be shown ---------------------------------------------------------------------------------

def _shown_lines(text):
    """The hole file's lines as shown, with every blank's region (its markers included) emptied."""
    from examprep.hole.holes import MARK_CLOSE, MARK_OPEN

    lines = text.split("\n")
    out = list(lines)
    inside = False
    for i, line in enumerate(lines):
        stripped = line.strip()
        if stripped.startswith(MARK_OPEN.strip()):
            inside = True
        if inside:
            out[i] = ""
        if stripped.startswith(MARK_CLOSE.strip()):
            inside = False
    return out


def _prose_lines(lines, text):
    """(line number, line, column where the prose starts) for each comment and each docstring line of the
    shown lines (text: the whole hole file, whose lines they are)."""
    out = {}
    try:
        for tok in tokenize.generate_tokens(io.StringIO("\n".join(lines)).readline):
            if tok.type == tokenize.COMMENT:
                out[tok.start[0]] = tok.start[1]
    except (tokenize.TokenError, IndentationError, SyntaxError):
        pass
    tree = _parse(text)
    for node in ast.walk(tree) if tree else []:
        body = getattr(node, "body", None)
        if isinstance(body, list) and body and isinstance(body[0], ast.Expr) \
                and isinstance(body[0].value, ast.Constant) and isinstance(body[0].value.value, str):
            for number in range(body[0].lineno, body[0].end_lineno + 1):
                out.setdefault(number, 0)
    return [(n, lines[n - 1], col) for n, col in sorted(out.items())]


@functools.lru_cache(maxsize=64)
def _parse(text):
    """The hole file's AST (read only), or None when it does not parse."""
    try:
        return pyast.parse(text)
    except SyntaxError:
        return None


@functools.lru_cache(maxsize=64)
def _code_pieces(text):
    """(line number, ast.unparse) of every statement and expression of the hole file's code (a blank's
    line, `x = __blank__("(1)")`, matches no answer)."""
    tree = _parse(text)
    out = []
    for node in ast.walk(tree) if tree else []:
        if isinstance(node, (ast.stmt, ast.expr)) and not isinstance(node, (ast.FunctionDef, ast.ClassDef)):
            if isinstance(node, ast.Expr) and isinstance(node.value, ast.Constant):
                continue
            out.append((node.lineno, ast.unparse(node)))
    return tuple(out)


# --- matching in prose ---------------------------------------------------------------------------------------

NAME_CHARS = re.compile(r"[\w.]")
CONTINUES = set("([.=+-*/@%<>&|^~")


@functools.lru_cache(maxsize=4096)
def _squashed_with_positions(text):
    """text without whitespace, and the position in text of each character kept."""
    kept = [i for i, ch in enumerate(text) if not ch.isspace()]
    return kept, "".join(text[i] for i in kept)


def _bounded(text, first, last):
    """Whether text[first:last] stands on its own: not part of a longer name, not continued by an operator,
    a call or an index (`x[idx] = tmp_val` is not shown by `x[idx] = tmp_val + h`)."""
    if first > 0 and NAME_CHARS.match(text[first - 1]):
        return False
    if last < len(text) and NAME_CHARS.match(text[last]):
        return False
    rest = text[last:].lstrip()
    return not rest or rest[0] not in CONTINUES


def _squash(text):
    return re.sub(r"\s+", "", text)


def _prose_matches(needle, text):
    """(kind, (start, end) in text) for each place text shows the needle."""
    out = []
    kept, squashed = _squashed_with_positions(text)
    start = squashed.find(needle.squashed)
    while start != -1 and needle.squashed:
        first, last = kept[start], kept[start + len(needle.squashed) - 1] + 1
        if _bounded(text, first, last):
            out.append(("code", (first, last)))
        start = squashed.find(needle.squashed, start + 1)
    if needle.tokens and not out:
        span = _formula_span(needle.tokens, text)
        if span:
            out.append(("formula", span))
    return out


TOKEN_RE = re.compile(r"""
    (?P<num>(?:\d+\.\d*|\.\d+|\d+)(?:[eE][-+]?\d+)?)
  | (?P<name>[^\W\d]\w*(?:\.[^\W\d]\w*)*)
  | (?P<op>\*\*|//|[-+*/@%~<>^])
  | (?P<punct>[()\[\],])
""", re.VERBOSE)
DROPPED_PREFIXES = ("self.", "np.", "numpy.")


@functools.lru_cache(maxsize=4096)
def _tokens(text):
    """(kind, value, start, end) tokens of code or prose: numbers as floats, names without self. or np.,
    `[name]` indexing dropped."""
    raw = []
    for m in TOKEN_RE.finditer(text):
        kind = m.lastgroup
        value = m.group(kind)
        if kind == "num":
            try:
                value = repr(float(value))
            except ValueError:
                pass
        elif kind == "name":
            for prefix in DROPPED_PREFIXES:
                if value.startswith(prefix) and len(value) > len(prefix):
                    value = value[len(prefix):]
        raw.append((kind, value, m.start(), m.end()))
    out = []
    i = 0
    while i < len(raw):
        if raw[i][:2] == ("punct", "[") and i + 2 < len(raw) and raw[i + 1][0] == "name" \
                and raw[i + 2][:2] == ("punct", "]"):
            i += 3  # m[key] -> m
            continue
        out.append(raw[i])
        i += 1
    return tuple(out)


def _formula_span(needle, text):
    """(start, end) of a stretch of text writing the needle's formula, or None."""
    hay = _tokens(text)
    n = len(needle)
    for start in range(len(hay) - n + 1):
        window = hay[start:start + n]
        same_names = 0
        for (k1, v1), (k2, v2, _, _) in zip(needle, window):
            if k1 != k2 or (k1 != "name" and v1 != v2):
                break
            same_names += k1 == "name" and v1 == v2
        else:
            if same_names:
                return window[0][2], window[-1][3]
    return None
