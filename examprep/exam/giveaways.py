"""Code sets that would give an answer away, the entry points of the rules (compose and code_walk call these): a
listing showing an earlier question's answer, a blank's own value (also as the same chain on another array:
forward's `x.transpose(0, 2, 3, 1).reshape(-1, C)` above the blank `dout.transpose(0, 2, 3, 1).reshape(-1, C)`), a
blank's symmetric partner (`y_max = y + stride * out_h` beside the blank `x_max = x + stride * out_w`), or a wrong
option that is another question's answer (a sibling blank's key offered as a distractor).

The rules by kind: partner names and partner lines in examprep.exam.partners, what a listing's calls show of a
blank's call (keywords, argument orders) in examprep.exam.same_call, what a reader infers from other lines
(pairings, twins, statements up to names) in examprep.exam.inferred, a blank's counterpart (its inverse, the other
branch, a complementary slice) in examprep.exam.counterparts, which end of an axis a part is at in
examprep.exam.ends; the line forms they compare in
examprep.exam.line_forms.
"""
import ast
import functools
import re

from examprep.exam import counterparts, inferred, same_fact, slice_twins
from examprep.exam.convex import convex_shown
from examprep.exam.ends import ends_shown
from examprep.exam.code.rule_nodes import walk
from examprep.exam.line_forms import (LEAK_MIN, defined_names, full_line, one_statement, read_names, shown_lines,
                                      squeeze, statement_value, wrong_lines)
from examprep.exam.partners import (broadcast_shown, mirrors, partner_line_shown, partner_line_shown_but_square,
                                    partner_shows_asked)
from examprep.exam.same_call import listing_tree, product_roles_shown, same_call_shows_asked

_NAME_INDEX = re.compile(r"\b([A-Za-z_]+)\d+\b")   # y1, Wx1, b2, xx2 (an index in a name; not log1p or 1e-7)


def shows_partner(q, code=None):
    """Whether a code question's listing shows its blank's symmetric partner: the blank's line with its partner
    names swapped (`y_max = y + stride * out_h` beside the blank `x_max = x + stride * out_w`, in the line itself
    or elsewhere, also when the two differ in integer indices), a partner line that shows what the wrong options
    ask in the same role (partner_shows_asked), a call of the same function with the keyword they change
    (same_call_shows_asked), a backward that shows a forward product's pairing (GRU's `dh_hat = dh_next * z`
    below the blank `h_next = (1 - z) * h_prev + z * h_hat`), a backward that shows the part of a forward blank its
    options change (`self.W.reshape(C_in, -1)`), or a twin up to names and numbers (`weight_decay = 10
    ** rng.uniform(-8, -4)` above the blank `lr = 10 ** rng.uniform(-6, -2)`; both examprep.exam.inferred), or a
    line taking an end of the axis whose end the blank asks (examprep.exam.ends: vit_patch_embed's
    `np.concatenate([cls, tokens], axis=1)` above the blank `dtokens = dz[:, 1:]`).
    compose leaves such a line out and makes the set again. Memoised by everything it reads of the question (the
    walk asks it again of sets it remakes: a quarter of its calls in a cold export)."""
    code = (q.code or "") if code is None else code
    blank = q.blank or {}
    key = (code, q.answer, getattr(q, "problem", None), blank.get("template"), blank.get("marker"), wrong_lines(q),
           _live_lines(q))
    if key not in _SHOWS:
        if len(_SHOWS) >= SHOWS_MOST:
            _SHOWS.clear()
        _SHOWS[key] = _shows_partner(q, code)
    return _SHOWS[key]


_SHOWS = {}
SHOWS_MOST = 20000


def _shows_partner(q, code):
    """shows_partner, computed."""
    listing = squeeze(code)
    problem = getattr(q, "problem", None)
    if partner_line_shown(full_line(q, q.answer), code, problem) or \
            partner_line_shown_but_square(full_line(q, q.answer), code, problem):
        return True
    answer = squeeze(q.answer)
    if len(answer) >= LEAK_MIN and any(m in listing for m in mirrors(answer, problem)):
        return True
    # the answer with another index in its names (upsample's x[:, :, y0, :][:, :, :, x0] * (1 - lx) beside the
    # blank x[:, :, y1, :][:, :, :, x0] * (1 - lx); time_bilstm's TimeLSTM(Wx2, Wh2, b2, stateful))
    indexed = _NAME_INDEX.sub(r"\1#", answer)
    if len(answer) >= LEAK_MIN and indexed != answer and indexed in _NAME_INDEX.sub(r"\1#", listing):
        return True
    shown = shown_lines(code)
    key, wrong = full_line(q, q.answer), wrong_lines(q)
    if partner_shows_asked(q, shown) or same_call_shows_asked(q, code) or ends_shown(q, shown) or \
            product_roles_shown(key, wrong, shown) or offers_a_line(wrong, shown):
        return True
    return inferred.pairing_shown(key, wrong, shown) or inferred.twin_shown(key, wrong, shown) or \
        inferred.part_shown(key, wrong, shown) or inferred.statement_shown(key, wrong, (code,)) or \
        _shown_per_row(key, wrong, code) or _counterpart_shown(q, code, key, wrong, shown) or \
        name_only_in_blanks(key, wrong, code) or broadcast_shown(key, wrong, (code,)) or \
        slice_twins.block_slice_shown(key, wrong, code, _live_lines(q)) or convex_shown(key, wrong, shown)

def name_only_in_blanks(key, wrong, code):
    """Whether the key reads a name that the listing defines (imports, takes as a parameter, assigns) and reads
    nowhere else (its blanks aside), and TWIN_RULES_OUT wrong options or more lack it: a name defined for nothing
    marks the options without it as wrong. mfcc's `from reference.audio import hann, ...` and `def mfcc(x, fs,
    n_fft, hop, ...)` with `power = stft_power(x, n_fft, hop, hann(n_fft))` blanked (the eighth examination, seed
    13 Q88: `np.ones(n_fft)` for the window, `n_fft` for the hop, both). Plain names only (an attribute such as
    `self.mask` is state, read by another method), any scope (a name read anywhere in the listing counts as used).
    An option lacking any one of those names counts: the ninth examination's seed 13 Q95 offered `np.ones(n_fft)`
    (no hann) and `n_fft` for the hop (no hop), one option each, which a count per name let through."""
    names = _read_names(statement_value(key))
    if not names:
        return False
    defined, read = _listing_names(code)
    unread = names & defined - read
    # an option is ruled out when it lacks any of them (one without hann, another without hop: ninth examination)
    return bool(unread) and sum(bool(unread - _read_names(statement_value(line))) for line in wrong) >= \
        inferred.TWIN_RULES_OUT

def _read_names(node):
    return {n.id for n in ast.walk(node) if isinstance(n, ast.Name) and isinstance(n.ctx, ast.Load)} - {"np"} \
        if node is not None else set()

@functools.lru_cache(maxsize=256)
def _listing_names(code):
    """(names the listing defines, names it reads), its blanks read as a name of their own (same_call's tree);
    plain names only (line_forms.defined_names / read_names without the `self` attributes)."""
    tree = listing_tree(code)
    defined = {n for n in defined_names(tree) if not n.startswith("self.")}
    read = {n for n in read_names(tree) if not n.startswith("self.")}
    return frozenset(defined - {"np", "self"}), frozenset(read)

_COLUMN = re.compile(r"\[\s*:\s*,\s*(-?\d+)\s*\]")   # boxes[:, 2]: one column of every row

def _shown_per_row(key, wrong, code):
    """Whether the listing shows the key's statement up to names once a column of every row (`boxes[:, 2]`) reads as
    one row's item (`box[2]`): iou_box's `areas = (boxes[:, 2] - boxes[:, 0]) * (boxes[:, 3] - boxes[:, 1])` below
    the blank `area = (box[2] - box[0]) * (box[3] - box[1])` (the seventh examination, seed 13 Q94)."""
    rows = _COLUMN.sub(r"[\1]", code)
    if rows == code:
        return False
    return inferred.statement_shown(_COLUMN.sub(r"[\1]", key), [_COLUMN.sub(r"[\1]", w) for w in wrong], (rows,))

def offers_a_line(wrong, lines, least=LEAK_MIN):
    """Whether a wrong option (its whole line) is one of these lines up to spaces, or gives the value one of them
    assigns to another quantity (`least` characters or more): numerical_gradient's `x[idx] = tmp_val + h` offered
    for the blank `x[idx] = tmp_val - h` two lines below it (nobody writes the line twice, and its partner is the
    key), GRU's `dh_hat = dh_next * (1 - z)` offered for the blank `dh_hat = dh_next * z` under the shown `dh_prev =
    dh_next * (1-z)` (a fifth examination, seed 13 Q68); and a line the walk would hide (code_walk.hide_giveaways,
    any length)."""
    texts = {squeeze(line) for line in lines}
    values = {answer_value(line.strip()) for line in lines} - {None}
    return any(len(squeeze(line)) >= least and squeeze(line) in texts for line in wrong) or \
        any(value and len(value) >= least and value in values for value in map(answer_value, wrong))

def _counterpart_shown(q, code, key, wrong, shown):
    """Whether the listing shows the blank's inverse (a transposing chain undone, a reduction undone by a repeat, a
    forward blank's split merged back in its order where no live option keeps the split), the other branch of its if,
    its slice's complement or its weight's matrix layout in the weight's gradient (examprep.exam.counterparts)."""
    return counterparts.inverse_shown(key, q.answer, tuple(shown)) or \
        counterparts.reduction_inverse_shown(key, shown) or \
        bool(q.blank) and counterparts.other_branch_shown(code, q.blank.get("marker"), key) or \
        counterparts.complement_shown(key, tuple(wrong), tuple(shown)) or \
        counterparts.weight_layout_shown(key, wrong, shown) or \
        not inferred.backward_line(key, shown) and counterparts.split_merged_shown(key, _live_lines(q), shown)


def _live_lines(q):
    """The blank's line with each wrong option that does not fail by its shape alone (distractors.shape_error): what
    is left to choose from once a reader tracks shapes."""
    from examprep.exam.code.distractors import shape_error

    return tuple(full_line(q, o.text) for o in getattr(q, "options", None) or []
                 if not o.correct and not shape_error({"verdict": getattr(o, "verdict", None),
                                                       "operator": getattr(o, "operator", None)}))

def leaks(earlier, questions):
    """Whether a set would give away an answer: a listing that shows an earlier question's answer, or an answer
    that an earlier listing showed, a wrong option that is another question's answer, a listing that shows a
    blank's value (also on another array: forward's reshape above the same reshape blanked in backward), or a
    listing that shows a blank's symmetric partner (in its own line, such as `y:y_max:stride` beside the blank
    `x:x_max:stride`, or elsewhere), or an argument order one set's options change shown by another set's listing
    (shows_order_elsewhere). Answers shorter than LEAK_MIN characters are common words, not give-aways."""
    answers = {squeeze(q.answer) for q in questions if len(squeeze(q.answer)) >= LEAK_MIN}
    code = questions[0].code or ""
    listing = squeeze(code)
    for q in questions:
        if shows_partner(q, code) or shown_on_another_array(q, listing):
            return True
    if shows_earlier_answer(earlier, listing) or shows_asked_order(earlier, code) or \
            any(shows_order_elsewhere(q, earlier) or shows_statement_elsewhere(q, earlier) for q in questions) or \
            shows_earlier_statement(earlier, code, getattr(questions[0], "item", None)):
        return True
    for q in earlier:
        if any(a in squeeze(q.code or "") for a in answers):
            return True
    return _offers_another_answer(earlier, questions)

def shows_order_elsewhere(q, earlier):
    """Whether another set's listing (an earlier question's) calls or defines the function whose arguments a code
    question's options reorder, with as many arguments: avg_pooling's `col2im(dcol, self.x.shape, self.pool_h,
    self.pool_w, self.stride, self.pad)` answers transposed_conv's reordered col2im call (a final re-grade)."""
    codes = {e.code for e in earlier if e.code and e.code != q.code}   # a scenario's listing too
    return any(same_call_shows_asked(q, code, order_only=True) for code in codes)

def _key_and_wrong(q):
    return full_line(q, q.answer), wrong_lines(q)

def shows_statement_elsewhere(q, earlier):
    """Whether another set's stem (shown_in_stem) or listing (an earlier question's, a scenario's too) shows a code
    question's whole statement up to names (inferred.statement_shown: rnn_cell's `t = np.dot(h_prev, Wh) + np.dot(x,
    Wx) + b` beside the LSTM scenario's `A = np.dot(x, Wx) + np.dot(h_prev, Wh) + b`; a final re-grade)."""
    if not getattr(q, "blank", None):
        return False
    if shown_in_stem(q, earlier):
        return True
    codes = tuple(sorted({e.code for e in earlier if e.code and e.code != q.code}))
    kin = frozenset(e.code for e in earlier if kindred(getattr(e, "item", None), getattr(q, "item", None)))
    return bool(codes) and (inferred.statement_shown(*_key_and_wrong(q), codes, kin) or
                            same_fact.gradient_sum_shown(q, codes) or broadcast_shown(*_key_and_wrong(q), codes))

def shown_in_stem(q, earlier):
    """Whether an earlier question's stem (a scenario's: the LSTM scenario's dc_prev once printed `dh_next * o * (1 -
    np.tanh(c_next) ** 2)`) prints a code question's answer or its value (LEAK_MIN characters or more)."""
    forms = {f for f in (squeeze(q.answer or ""), answer_value(q.answer or "")) if f and len(f) >= LEAK_MIN}
    stems = [squeeze(text or "") for e in earlier for text in (getattr(e, "stem", None) or {}).values()]
    return any(f in stem for f in forms for stem in stems)

def shows_earlier_statement(earlier, code, item=None):
    """Whether a listing (of syllabus item `item`, when known) shows an earlier code question's whole statement up
    to names (shows_statement_elsewhere, the other way)."""
    return any(getattr(e, "blank", None) and e.code != code and
               (inferred.statement_shown(*_key_and_wrong(e), (code,),
                                         (code,) if kindred(getattr(e, "item", None), item) else ()) or
                same_fact.gradient_sum_shown(e, (code,)) or broadcast_shown(*_key_and_wrong(e), (code,)))
               for e in earlier)

def kindred(item, other):
    """Whether two syllabus items (`3-5-1`) are of one chapter (`3-5`, RNNs): rnn_cell's `db = np.sum(dt, axis=0)`
    is told by gru_cell's `dbh = np.sum(dt, axis=0)` (3-5-2; a fifth examination, seed 13 Q61), ensemble_vote's
    `np.argmax(probs, axis=1)` (3-7-4) tells nothing of max_pooling's `np.argmax(col, axis=1)` (3-4-3)."""
    return item == other or bool(item and other) and item.split("-")[:2] == other.split("-")[:2]

def shows_asked_order(earlier, code):
    """Whether a listing (a problem's whole listing, before it is proven, or a set's) calls or defines a function
    with as many arguments as an earlier code question's options reorder (shows_order_elsewhere, the other way)."""
    return any(getattr(e, "problem", None) and e.code != code and same_call_shows_asked(e, code, order_only=True)
               for e in earlier)

def shows_earlier_answer(earlier, listing):
    """Whether a squeezed listing shows the answer of one of the earlier questions (LEAK_MIN characters or more;
    leaks, and the mock exam's walk before it proves a problem)."""
    return any(len(squeeze(q.answer or "")) >= LEAK_MIN and squeeze(q.answer) in listing for q in earlier)

@functools.lru_cache(maxsize=8192)
def answer_value(answer):
    """The squeezed value of an answer that is one assignment or return (`np.sum(dout,axis=0)` of `self.db =
    np.sum(dout, axis=0)`), the squeezed expression of any other answer, None when it does not parse."""
    value = statement_value(answer)
    return squeeze(ast.unparse(value)) if value is not None else None

_CHAIN = re.compile(r"([A-Za-z_]\w*)([.\[].*)")

def shown_on_another_array(q, listing):
    """Whether the listing shows the blank's value, also as the same chain of calls or indices on another array
    (`x.transpose(0, 2, 3, 1).reshape(-1, C)` in forward above the blank `dout = dout.transpose(0, 2, 3, 1)
    .reshape(-1, C)` in backward, `dhs[:, -1, :] = dh` below the blank `return hs[:, -1, :]`)."""
    value = answer_value(q.answer)
    if value is None or len(value) < LEAK_MIN:
        return False
    if value in listing:
        return True
    chain = _CHAIN.fullmatch(value)
    if not chain or chain.group(1) in ("np", "self") or len(chain.group(2)) < LEAK_MIN:
        return False
    other = r"(?<![\w.])(?!" + re.escape(chain.group(1)) + r"(?!\w))[A-Za-z_]\w*"
    return re.search(other + re.escape(chain.group(2)), listing) is not None

def _forms(text):
    """A text as written and its value (`10**rng.uniform(-6,-2)` of `lr = 10 ** rng.uniform(-6, -2)`), squeezed;
    a value shorter than LEAK_MIN (`dout` of `dx = dout`) is a common word."""
    value = answer_value(text)
    return {squeeze(text)} | ({value} if value and len(value) >= LEAK_MIN else set())

def _line_value(q, fill):
    """The value of the blank's whole line with `fill` in it, squeezed (time_bilstm's `dhs[:, :, :H]` for the fill
    `:, :, :H` of `do1 = dhs[＿＿]`, which is `do2 = dhs[:, :, :H]`'s value too); nothing if short."""
    value = answer_value(full_line(q, fill)) if getattr(q, "blank", None) else None
    return {value} if value and len(value) >= LEAK_MIN else set()

def _wrong_options(q):
    return set().union(*(_forms(o.text) for o in getattr(q, "options", None) or [] if not o.correct))

SIBLING_CALL_MIN = 16   # `_.reshape(N,T,-1)`; shorter calls (`_.sum(axis=0)`) are too common to tell a key


def _sibling_call_offered(q, siblings):
    """Whether a wrong option of q holds a sibling's key that is a method call on an array, on another array
    (time_affine's `out.reshape(N, T, -1)` beside the dW options `... dout.reshape(N, T, -1)[:, -1, :]`: dout has
    out's shape, so the option spells out the key; the twelfth examination, seed 12 Q56)."""
    keys = {same_fact.method_form(value) for value in map(statement_value, (s.answer or "" for s in siblings))}
    keys = {k for k in keys - {None} if len(k) >= SIBLING_CALL_MIN}
    if not keys:
        return False
    for o in getattr(q, "options", None) or []:
        tree = None if o.correct else one_statement(o.text)
        if tree is not None and any(same_fact.method_form(node) in keys for node in walk(tree)):
            return True
    return False


def _offers_another_answer(earlier, questions):
    """Whether a wrong option is another question's answer: a sibling blank's key among a blank's distractors
    (`0, ext[1]`, the key of alpha[0, 1], offered for alpha[0, 0] = log_probs[＿＿]; random_search's
    `10 ** rng.uniform(-6, -2)`, the value of lr's line, offered for weight_decay), which tells both, or an
    earlier question's answer (LEAK_MIN characters or more) offered again, or the other way round."""
    for q in questions:
        siblings = set().union(*(_forms(other.answer) | _line_value(other, other.answer)
                                 for other in questions if other is not q))
        wrong = _wrong_options(q).union(*(_line_value(q, o.text) for o in getattr(q, "options", None) or []
                                          if not o.correct))
        others = [other for other in questions if other is not q]
        if wrong & siblings or _sibling_call_offered(q, others) or _agreed_by_sibling(q, others):
            return True
    answers = {squeeze(q.answer) for q in questions if len(squeeze(q.answer)) >= LEAK_MIN}
    before = {squeeze(q.answer) for q in earlier if len(squeeze(q.answer)) >= LEAK_MIN}
    offered_before = set().union(*(_wrong_options(q) for q in earlier)) if earlier else set()
    return any(_wrong_options(q) & before for q in questions) or bool(answers & offered_before)


@functools.lru_cache(maxsize=8192)
def _parts(line):
    """same_fact.value_parts of a line's value (`_.reshape(C_in,-1)` among them), memoised by the line."""
    stmt = one_statement(line)
    value = stmt.value if isinstance(stmt, (ast.Assign, ast.AugAssign, ast.Return, ast.Expr)) else None
    if value is None:
        return frozenset()
    return frozenset(same_fact.value_parts(value))


def _agreed_by_sibling(q, siblings):
    """Whether every option of a sibling in the set holds a part of q's key that TWIN_RULES_OUT of q's wrong options
    or more lack: four options agreeing on it tell it right (the nineteenth examination, seed 11 Q70 / Q71:
    transposed_conv's forward options all reshape W by `.reshape(C_in, -1)`, the backward blank's key
    `self.W.reshape(C_in, -1).T` against C_out twice)."""
    options = getattr(q, "options", None) or []
    if not options or not getattr(q, "blank", None):
        return False
    key = _parts(full_line(q, q.answer or ""))
    wrong = [_parts(full_line(q, o.text)) for o in options if not o.correct]
    for other in siblings:
        theirs = [_parts(full_line(other, o.text)) for o in getattr(other, "options", None) or []]
        if not theirs or not getattr(other, "blank", None):
            continue
        for part in key.intersection(*theirs):
            if sum(part not in w for w in wrong) >= inferred.TWIN_RULES_OUT:
                return True
    return False
