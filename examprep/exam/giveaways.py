"""Code sets that would give an answer away: a listing showing an earlier question's answer, a blank's own value
(also as the same chain on another array: forward's `x.transpose(0, 2, 3, 1).reshape(-1, C)` above the blank
`dout.transpose(0, 2, 3, 1).reshape(-1, C)`), a blank's symmetric partner (`y_max = y + stride * out_h` beside the
blank `x_max = x + stride * out_w`), or a wrong option that is another question's answer (a sibling blank's key
offered as a distractor).

Listings print every line but their own blanks, so a set is not used (examprep.exam.code_walk) when its listing shows
what another question asks, or the line a blank mirrors: the same line with its partner names swapped (x <-> y,
H <-> W, xx1 <-> yy1 ...), also when the two differ in their integer indices as well (`xx2 = np.minimum(box[2],
boxes[:, 2])` above the blank `yy2 = np.minimum(box[3], boxes[:, 3])`).
"""
import ast
import functools
import re
import textwrap

import numpy as np

from examprep.exam import counterparts, inferred
from examprep.exam.inferred import one_statement as _statement
from examprep.exam.code.blanks import diff_path, node_at

LEAK_MIN = 8   # answers shorter than this (a name, `dout`) are common words, not give-aways
# Groups of partner names, each swapped all at once: a line mirrored by one group (x <-> y with H <-> W, or an RNN's
# x <-> h_prev with Wx <-> Wh, or attention's K <-> V with W_k <-> W_v) shown beside the blank gives it away.
PARTNER_GROUPS = [
    [("x", "y"), ("h", "w"), ("H", "W"), ("FH", "FW"), ("out_h", "out_w"), ("filter_h", "filter_w"),
     ("pool_h", "pool_w"), ("x_max", "y_max"), ("x_min", "y_min"), ("row", "col"), ("beta1", "beta2"),
     ("m_hat", "v_hat"), ("xx1", "yy1"), ("xx2", "yy2"), ("x0", "y0"), ("x1", "y1"), ("lx", "ly"),
     ("src_x", "src_y")],
    # a recurrent cell's input and hidden paths (dWx = np.dot(x.T, dt) beside the blank dWh = np.dot(h_prev.T, dt))
    [("x", "h_prev"), ("Wx", "Wh"), ("dWx", "dWh"), ("dx", "dh_prev"), ("Wxz", "Whz"), ("Wxr", "Whr"), ("Wxh", "Whh"),
     ("dWxz", "dWhz"), ("dWxr", "dWhr"), ("dWxh", "dWhh")],
    # attention's projections, two at a time (V = split_heads(np.dot(x_kv, W_v), ...) beside the blank K = ...)
    [("K", "V"), ("W_k", "W_v"), ("dK", "dV"), ("dW_k", "dW_v")],
    [("Q", "K"), ("W_q", "W_k"), ("dQ", "dK"), ("dW_q", "dW_k"), ("x_q", "x_kv")],
    [("Q", "V"), ("W_q", "W_v"), ("dQ", "dV"), ("dW_q", "dW_v"), ("x_q", "x_kv")],
    # an LSTM's gates (do *= o * (1 - o) below the blank di *= i * (1 - i)) and a GRU's z and r paths
    [("i", "o"), ("di", "do")], [("f", "o"), ("df", "do")], [("f", "i"), ("df", "di")],
    [("z", "r"), ("dz", "dr"), ("Wxz", "Wxr"), ("Whz", "Whr"), ("bz", "br"), ("dWxz", "dWxr"), ("dWhz", "dWhr"),
     ("dbz", "dbr")],
    # a two-layer block's layers (db1 = du.reshape(-1, D_ff).sum(axis=0) beside the blank db2 = ...)
    [("W1", "W2"), ("b1", "b2"), ("dW1", "dW2"), ("db1", "db2"), ("x", "a"), ("du", "dout"), ("D", "D_ff")],
    # a normalisation's scale and shift (self.grads[9][...] = self.norm1.dbeta below the blank grads[8] ... dgamma)
    [("dgamma", "dbeta"), ("gamma", "beta")],
    # Adam's moments (v_hat = self.v[key] / (1 - self.beta2 ** self.iter) below the blank m_hat) and a GAN's real and
    # fake scores (the generator's dd_fake = -dout / (self.d_fake * batch_size) below the blank dd_real)
    [("m", "v"), ("m_hat", "v_hat"), ("beta1", "beta2")],
    [("d_real", "d_fake"), ("dd_real", "dd_fake")],
    # a layer's forward twin of a backward line (x = x.transpose(0, 2, 3, 1).reshape(-1, C) in forward above the
    # blank dout = dout.transpose(0, 2, 3, 1).reshape(-1, C); out = out.reshape(N, H, W, C).transpose(0, 3, 1, 2)
    # above the blank dx = dx.reshape(N, H, W, C).transpose(0, 3, 1, 2))
    [("x", "dout"), ("out", "dx")],
    # a pooling layer's im2col in forward and col2im in backward (their size arguments in one order)
    [("im2col", "col2im")],
    # a box's rows and columns (random_erasing's out[:, top:top + h, left:left + w], a final re-grade)
    [("top", "left"), ("h", "w"), ("bottom", "right")],
]
PARTNERS = PARTNER_GROUPS[0]
_TABLES = [{a: b for pair in group for a, b in (pair, pair[::-1])} for group in PARTNER_GROUPS]
_PATTERNS = [re.compile(r"\b(" + "|".join(sorted(map(re.escape, table), key=len, reverse=True)) + r")\b")
             for table in _TABLES]
_INTEGER = re.compile(r"(?<![\w.])\d+(?![\w.])")   # box[2] and (3, 4), not xx2, 1e-7 or 2.0
_REDUCTIONS = {"sum", "max", "min", "mean", "prod", "std", "var"}   # by _family's last name (argmax is max)
_NAME_INDEX = re.compile(r"\b([A-Za-z_]+)\d+\b")   # y1, Wx1, b2, xx2 (an index in a name; not log1p or 1e-7)


def squeeze(text):
    """The text without any whitespace (listings and answers are compared so)."""
    return "".join(text.split())


def _tables(pairs):
    """(table, pattern) of a group of partner pairs swapped all at once."""
    table = {a: b for pair in pairs for a, b in (pair, pair[::-1])}
    return table, re.compile(r"\b(" + "|".join(sorted(map(re.escape, table), key=len, reverse=True)) + r")\b")


@functools.lru_cache(maxsize=None)
def _problem_groups(problem_id):
    """A problem's own partner names (its YAML's mutant_partners: yolo_decode's cx/cy, bx/by, bw/bh), all at once
    and pair by pair, as (table, pattern); names only."""
    from examprep.problem import catalog

    try:
        pairs = [tuple(pair) for pair in catalog.get(problem_id).mutant_partners]
    except Exception:   # a question without a catalog problem (a test's stand-in)
        return ()
    pairs = [pair for pair in pairs if len(pair) == 2 and all(re.fullmatch(r"[A-Za-z_]\w*", n) for n in pair)]
    return tuple(_tables(group) for group in ([pairs] if len(pairs) > 1 else []) + [[pair] for pair in pairs])


def mirrors(text, problem=None):
    """The text with every partner name of one group swapped (x_max <-> y_max, H <-> W ...; and the problem's own
    partners when its id is given), one text per group that changes it."""
    out = []
    groups = list(zip(_TABLES, _PATTERNS)) + list(_problem_groups(problem) if problem else ())
    for table, pattern in groups:
        swapped = pattern.sub(lambda m, table=table: table[m.group(1)], text)
        if swapped != text:
            out.append(swapped)
    return out


def partner(text):
    """The text mirrored by the first group that changes it (x_max <-> y_max, H <-> W ...), or None."""
    return next(iter(mirrors(text)), None)


def _integers_masked(text):
    return _INTEGER.sub("#", text)


def _twin_shown(line, listing_lines, problem=None):
    """Whether the listing shows the line's partner, also one that differs from it in integers only, or the line
    itself with other integers (ctc_forward_loss's `alpha[0, 1] = log_probs[0, ext[1]]` below the blank `alpha[0, 0]
    = log_probs[0, ext[0]]`: no partner name to swap, so the mirrors alone never compared it; final re-grade 3).
    The blank's own line is not among listing_lines (it holds the blank's marker)."""
    masked = _integers_masked(line)
    if len(line) >= LEAK_MIN and masked != line and masked in listing_lines:
        return True
    return any(_integers_masked(mirrored) in listing_lines for mirrored in mirrors(line, problem))


def _roles(stmt):
    """What a statement is known by: the names it assigns and the function its value calls (`self.dbeta`, `sum`;
    `col`, `im2col`)."""
    targets = stmt.targets if isinstance(stmt, ast.Assign) else \
        [stmt.target] if isinstance(stmt, (ast.AugAssign, ast.AnnAssign)) else []
    value = getattr(stmt, "value", None)
    calls = {ast.unparse(value.func).split(".")[-1]} if isinstance(value, ast.Call) else set()
    return {ast.unparse(t) for t in targets} | calls


def _asked(key, wrong):
    """The parts of the key a wrong option changes, as squeezed texts: a keyword it changes or drops (`axis=(0,2,3)`
    of `np.sum(self.xn * dout, axis=(0, 2, 3))` against `np.sum(self.xn * dout)`), the arguments from the first one
    it moves (`self.stride,self.pad` against `..., self.pad, self.stride)`)."""
    path = diff_path(key, wrong)
    for i, (field, _) in enumerate(path):
        if field == "keywords":
            return {squeeze(ast.unparse(node_at(key, path[:i + 1])))}
    a, b = node_at(key, path), node_at(wrong, path)
    if not (isinstance(a, ast.Call) and isinstance(b, ast.Call)):
        return set()
    theirs = {ast.dump(k) for k in b.keywords}
    out = {squeeze(ast.unparse(k)) for k in a.keywords if ast.dump(k) not in theirs}
    moved = [j for j, (x, y) in enumerate(zip(a.args, b.args)) if ast.dump(x) != ast.dump(y)]
    if moved and len(a.args) == len(b.args):
        out.add(squeeze(", ".join(ast.unparse(x) for x in a.args[moved[0]:])))
    return out


def _partner_shows_asked(q, listing_lines):
    """Whether a partner line (one that assigns the blank line's partner name or calls its partner function:
    `self.dbeta = ...` for the blank `self.dgamma = ...`, `im2col(...)` for `col2im(...)`) shows what the wrong
    options ask, in the same role: group_norm's `self.dbeta = dout.sum(axis=(0, 2, 3))` above the blank `self.dgamma
    = np.sum(self.xn * dout, axis=(0, 2, 3))` (the axes, against a dropped axis), lp_pool's `im2col(x, self.pool_h,
    self.pool_w, self.stride, self.pad)` beside the blank `col2im(dcol, self.x_shape, self.pool_h, ..., self.pad)`
    (the argument order, against swapped arguments)."""
    key = _statement(_full_line(q, q.answer))
    if key is None:
        return False
    partners = {m for role in _roles(key) for m in mirrors(role)}
    if not partners:
        return False
    asked = set()
    for o in getattr(q, "options", None) or []:
        wrong = None if o.correct else _statement(_full_line(q, o.text))
        if wrong is not None:
            asked |= _asked(key, wrong)
    if not asked:
        return False
    for line in listing_lines:
        stmt = _statement(line)
        if stmt is not None and _roles(stmt) & partners and any(a in squeeze(line) for a in asked):
            return True
    return False


def _same_call_shows_asked(q, code, order_only=False):
    """Whether the listing calls the function the wrong options change (by its last name: `np.mean`, `x.mean`)
    with the keyword they change or drop, or, when they reorder its arguments, calls or defines it with as many
    (`self.conv1 = Convolution(W1, b1, stride, 1)` above the blank `Convolution(Ws, bs, stride, 0)`, `def
    mse_grad(w, X, y)` above `mse_grad(theta, y_s, X_s)`): layernorm's `var = np.mean(xc ** 2, axis=-1, keepdims=True)` beside
    the blank `mu = np.mean(x, axis=-1, keepdims=True)` whose options drop keepdims or the axis, batchnorm's
    `dmu = np.sum(dxc, axis=0)` below a blank whose options sum over axis 1 (a final re-grade, issue 16)."""
    wrong = tuple(_full_line(q, o.text) for o in getattr(q, "options", None) or [] if not o.correct)
    asked, runs = _asked_calls(_full_line(q, q.answer), wrong)
    if order_only:   # another set's listing: its keywords belong to its own data, a signature's order does not
        asked = {name: {part for part in parts if isinstance(part, tuple)} for name, parts in asked.items()
                 if isinstance(name, str)}
    if not any(asked.values()) and not runs:
        return False
    calls, defs, arg_lists = _listing_calls(code)
    if not order_only and _reduction_shows_asked(asked, calls):
        return True
    return any(family in asked and asked[family] & shown for family, shown in calls) or \
        any(name in asked and ("order", n) in asked[name] for name, n in defs) or \
        any(_contains_run(args, run) for args in arg_lists for run in runs)


def _reduction_shows_asked(asked, calls):
    """Whether another reduction of the listing (_REDUCTIONS) has exactly the keywords of a reduction whose
    keyword the wrong options change or drop: softmax's `np.sum(exp_x, axis=-1, keepdims=True)` below the blank
    `np.max(x, axis=-1, keepdims=True)` (final re-grade 3, seed 13 Q75). The whole keyword list must be the same,
    so a listing's `np.sum(dout, axis=0)` does not answer a blank `np.max(col, axis=1)`, and at least two wrong
    options must change or drop a keyword (one is a weak hint: batchnorm's `mu = x.mean(axis=(0, 2, 3))` beside a
    dgamma blank one option of which drops the axes)."""
    wanted = {family[1] for family, wrong in asked.items() if isinstance(family, tuple) and len(wrong) >= 2}
    return any(family in _REDUCTIONS and frozenset(p for p in shown if isinstance(p, str)) in wanted
               for family, shown in calls)


@functools.lru_cache(maxsize=4096)
def _asked_calls(key_line, wrong_lines):
    """What a question's wrong options change in a call, once per question (the walk asks it of every listing):
    ({function's last name: {keyword changed or dropped, ("order", n) for n arguments reordered}, ("reduction", a
    reduction's keywords): {the wrong options changing or dropping one}}, (runs of reordered arguments, three or
    more))."""
    key = _statement(key_line)
    if key is None:
        return {}, ()
    asked, runs = {}, []
    for j, line in enumerate(wrong_lines):
        wrong = _statement(line)
        if wrong is None:
            continue
        path = diff_path(key, wrong)
        for i, (field, _) in enumerate(path):
            call = node_at(key, path[:i])
            if field == "keywords" and isinstance(call, ast.Call):
                name = _family(call)
                part = squeeze(ast.unparse(node_at(key, path[:i + 1])))
                asked.setdefault(name, set()).add(part)
                if name in _REDUCTIONS:   # its whole keyword list, for another reduction showing it; which options
                    asked.setdefault(("reduction", _keywords(call)), set()).add(j)
                break
        else:
            a, b = node_at(key, path), node_at(wrong, path)
            if isinstance(a, ast.Call) and isinstance(b, ast.Call):   # a keyword dropped, arguments moved
                theirs = {ast.dump(k) for k in b.keywords}
                name = _family(a)
                dropped = {squeeze(ast.unparse(k)) for k in a.keywords if ast.dump(k) not in theirs}
                asked.setdefault(name, set()).update(dropped)
                if name in _REDUCTIONS and dropped:
                    asked.setdefault(("reduction", _keywords(a)), set()).add(j)
                # NumPy's functions and array methods (np.dot's operands, reshape's sizes) take their order from
                # the data, not from a signature another call shows; the functions and classes called by their
                # own name (im2col, Convolution, mse_grad) do.
                reordered = len(a.args) == len(b.args) > 1 and \
                    sorted(map(ast.dump, a.args)) == sorted(map(ast.dump, b.args)) != list(map(ast.dump, b.args))
                if reordered and isinstance(a.func, ast.Name):
                    asked[name].add(("order", len(a.args)))
                # the same arguments in a run elsewhere (a constructor's parameters), also for a layer's method
                # (MultiHeadAttention's `self.attention.forward(Q, K, V, mask)` beside the attention scenario's
                # `def attention(Q, K, V, mask=None)`), not an array's (reshape's sizes come from the data)
                if reordered and len(a.args) >= 3 and (isinstance(a.func, ast.Name) or _layer_method(a.func)):
                    runs.append(tuple(squeeze(ast.unparse(x)) for x in a.args))
    return {name: frozenset(parts) for name, parts in asked.items()}, tuple(runs)


def _layer_method(func):
    """Whether a call's function is a method of an object's attribute (`self.attention.forward`), not NumPy's nor
    an array's (`x.reshape`, `self.W.reshape`)."""
    return isinstance(func, ast.Attribute) and not hasattr(np.ndarray, func.attr) and \
        isinstance(func.value, ast.Attribute) and ast.unparse(func.value).startswith("self.")


@functools.lru_cache(maxsize=256)
def _listing_calls(code):
    """What a listing shows of its calls and definitions, once per listing text: ((function's last name, {its
    keywords, ("order", n) unless a blank is in the call}), (defined name, parameters but self), (the arguments of
    each call without a blank and the parameters of each definition))."""
    tree = _listing_tree(code)
    calls, defs, arg_lists = [], [], []
    for node in ast.walk(tree) if tree is not None else ():
        if isinstance(node, ast.Call):
            blank = "_blank_" in ast.unparse(node)   # the order of a call with a blank in it is asked, not shown
            shown = {squeeze(ast.unparse(k)) for k in node.keywords} | (set() if blank else {("order", len(node.args))})
            calls.append((_family(node), frozenset(shown)))
            if not blank:
                arg_lists.append(tuple(squeeze(ast.unparse(x)) for x in node.args))
        elif isinstance(node, ast.FunctionDef):   # the listing defines it: its parameters
            defs.append((node.name, len([a for a in node.args.args if a.arg != "self"])))
            arg_lists.append(tuple(a.arg for a in node.args.args))
    return tuple(calls), tuple(defs), tuple(arg_lists)


@functools.lru_cache(maxsize=256)
def _listing_tree(code):
    """The whole listing parsed, its blanks read as a name (a call beside a blank, a statement over two lines);
    None when it does not parse. Once per listing: every question of a set is checked against it, several times."""
    try:
        return ast.parse(textwrap.dedent(re.sub(r"＿＿\S*?＿＿", "_blank_", code)))
    except SyntaxError:
        return None


def _family(call):
    """A call's function by its last name, argmax counted as max (np.argmax(col, axis=1) shows max's axis)."""
    name = ast.unparse(call.func).split(".")[-1]
    return name[3:] if name in ("argmax", "argmin") else name


def _keywords(call):
    """A call's keywords as squeezed texts (`axis=-1`, `keepdims=True`)."""
    return frozenset(squeeze(ast.unparse(k)) for k in call.keywords)


def _contains_run(items, run):
    return any(items[i:i + len(run)] == run for i in range(len(items) - len(run) + 1))


def _full_line(q, fill):
    blank = q.blank or {}
    return blank.get("template", "").replace(blank.get("marker", "\0"), fill) if blank else fill


def partner_line_shown(line, code, problem=None):
    """Whether a listing shows a blank's whole line with its partner names swapped, or with other integers
    (shows_partner's first rule; the mock exam's walk asks it of every line before proving any)."""
    line = squeeze(line)
    listing_lines = {_integers_masked(squeeze(shown)) for shown in code.split("\n") if shown.strip()}
    return bool(line) and (any(m in squeeze(code) for m in mirrors(line, problem))
                           or _twin_shown(line, listing_lines, problem))


def shows_partner(q, code=None):
    """Whether a code question's listing shows its blank's symmetric partner: the blank's line with its partner
    names swapped (`y_max = y + stride * out_h` beside the blank `x_max = x + stride * out_w`, in the line itself
    or elsewhere, also when the two differ in integer indices), a partner line that shows what the wrong options
    ask in the same role (_partner_shows_asked), a call of the same function with the keyword they change
    (_same_call_shows_asked), a backward that shows a forward product's pairing (GRU's `dh_hat = dh_next * z`
    below the blank `h_next = (1 - z) * h_prev + z * h_hat`), a backward that shows the part of a forward blank its
    options change (`self.W.reshape(C_in, -1)`), or a twin up to names and numbers (`weight_decay = 10
    ** rng.uniform(-8, -4)` above the blank `lr = 10 ** rng.uniform(-6, -2)`; both examprep.exam.inferred).
    compose leaves such a line out and makes the set again."""
    code = (q.code or "") if code is None else code
    listing = squeeze(code)
    problem = getattr(q, "problem", None)
    if partner_line_shown(_full_line(q, q.answer), code, problem):
        return True
    answer = squeeze(q.answer)
    if len(answer) >= LEAK_MIN and any(m in listing for m in mirrors(answer, problem)):
        return True
    # the answer with another index in its names (upsample's x[:, :, y0, :][:, :, :, x0] * (1 - lx) beside the
    # blank x[:, :, y1, :][:, :, :, x0] * (1 - lx); time_bilstm's TimeLSTM(Wx2, Wh2, b2, stateful))
    indexed = _NAME_INDEX.sub(r"\1#", answer)
    if len(answer) >= LEAK_MIN and indexed != answer and indexed in _NAME_INDEX.sub(r"\1#", listing):
        return True
    shown = [ln for ln in code.split("\n") if ln.strip() and "＿＿" not in ln]
    if _partner_shows_asked(q, shown) or _same_call_shows_asked(q, code):
        return True
    wrong = [_full_line(q, o.text) for o in getattr(q, "options", None) or [] if not o.correct]
    # a wrong option that is a line the listing shows (numerical_gradient's x[idx] = tmp_val + h offered for the
    # blank x[idx] = tmp_val - h two lines below it): nobody writes the line twice, and its partner is the key
    if {squeeze(line) for line in wrong if len(squeeze(line)) >= LEAK_MIN} & {squeeze(line) for line in shown}:
        return True
    key = _full_line(q, q.answer)
    return inferred.pairing_shown(key, wrong, shown) or inferred.twin_shown(key, wrong, shown) or \
        inferred.part_shown(key, wrong, shown) or inferred.statement_shown(key, wrong, (code,)) or \
        _counterpart_shown(q, code, key, wrong, shown)


def _counterpart_shown(q, code, key, wrong, shown):
    """Whether the listing shows the blank's inverse, the other branch of its if or its slice's complement
    (examprep.exam.counterparts)."""
    return counterparts.inverse_shown(key, q.answer, tuple(shown)) or \
        bool(q.blank) and counterparts.other_branch_shown(code, q.blank.get("marker"), key) or \
        counterparts.complement_shown(key, tuple(wrong), tuple(shown))


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
    return any(_same_call_shows_asked(q, code, order_only=True) for code in codes)


def _key_and_wrong(q):
    return _full_line(q, q.answer), tuple(_full_line(q, o.text) for o in getattr(q, "options", None) or []
                                          if not o.correct)


def shows_statement_elsewhere(q, earlier):
    """Whether another set's stem (shown_in_stem) or listing (an earlier question's, a scenario's too) shows a code
    question's whole statement up to names (inferred.statement_shown: rnn_cell's `t = np.dot(h_prev, Wh) + np.dot(x, Wx) + b`
    beside the LSTM scenario's `A = np.dot(x, Wx) + np.dot(h_prev, Wh) + b`; a final re-grade)."""
    if not getattr(q, "blank", None):
        return False
    if shown_in_stem(q, earlier):
        return True
    codes = tuple(sorted({e.code for e in earlier if e.code and e.code != q.code}))
    kin = frozenset(e.code for e in earlier if getattr(e, "item", None) == getattr(q, "item", None))
    return bool(codes) and inferred.statement_shown(*_key_and_wrong(q), codes, kin)


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
               inferred.statement_shown(*_key_and_wrong(e), (code,), (code,) if getattr(e, "item", None) == item else ())
               for e in earlier)


def shows_asked_order(earlier, code):
    """Whether a listing (a problem's whole listing, before it is proven, or a set's) calls or defines a function
    with as many arguments as an earlier code question's options reorder (shows_order_elsewhere, the other way)."""
    return any(getattr(e, "problem", None) and e.code != code and _same_call_shows_asked(e, code, order_only=True)
               for e in earlier)


def shows_earlier_answer(earlier, listing):
    """Whether a squeezed listing shows the answer of one of the earlier questions (LEAK_MIN characters or more;
    leaks, and the mock exam's walk before it proves a problem)."""
    return any(len(squeeze(q.answer or "")) >= LEAK_MIN and squeeze(q.answer) in listing for q in earlier)


def answer_value(answer):
    """The squeezed value of an answer that is one assignment or return (`np.sum(dout,axis=0)` of `self.db =
    np.sum(dout, axis=0)`), the squeezed expression of any other answer, None when it does not parse."""
    value = inferred.statement_value(answer)
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


def shows_own_value(q):
    """Whether a code question's listing shows its blank's value elsewhere (shown_on_another_array)."""
    return shown_on_another_array(q, squeeze(q.code or ""))


def _forms(text):
    """A text as written and its value (`10**rng.uniform(-6,-2)` of `lr = 10 ** rng.uniform(-6, -2)`), squeezed;
    a value shorter than LEAK_MIN (`dout` of `dx = dout`) is a common word."""
    value = answer_value(text)
    return {squeeze(text)} | ({value} if value and len(value) >= LEAK_MIN else set())


def _line_value(q, fill):
    """The value of the blank's whole line with `fill` in it, squeezed (time_bilstm's `dhs[:, :, :H]` for the fill
    `:, :, :H` of `do1 = dhs[＿＿]`, which is `do2 = dhs[:, :, :H]`'s value too); nothing if short."""
    value = answer_value(_full_line(q, fill)) if getattr(q, "blank", None) else None
    return {value} if value and len(value) >= LEAK_MIN else set()


def _wrong_options(q):
    return set().union(*(_forms(o.text) for o in getattr(q, "options", None) or [] if not o.correct))


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
        if wrong & siblings:
            return True
    answers = {squeeze(q.answer) for q in questions if len(squeeze(q.answer)) >= LEAK_MIN}
    before = {squeeze(q.answer) for q in earlier if len(squeeze(q.answer)) >= LEAK_MIN}
    offered_before = set().union(*(_wrong_options(q) for q in earlier)) if earlier else set()
    return any(_wrong_options(q) & before for q in questions) or bool(answers & offered_before)
