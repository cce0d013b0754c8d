"""Partner names (x <-> y, H <-> W, m <-> v ...) and what a blank's partner line shows (examprep.exam.giveaways).

Listings print every line but their own blanks, so a set is not used (examprep.exam.code_walk) when its listing shows
the line a blank mirrors: the same line with its partner names swapped (x <-> y, H <-> W, xx1 <-> yy1 ...), also
when the two differ in their integer indices as well (`xx2 = np.minimum(box[2], boxes[:, 2])` above the blank `yy2 =
np.minimum(box[3], boxes[:, 3])`), or a partner line that shows what the wrong options ask in the same role.
"""
import ast
import functools
import re

from examprep.exam.code.blanks import diff_path, node_at
from examprep.exam.line_forms import LEAK_MIN, full_line, one_statement, shown_lines, squeeze

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


def _tables(pairs):
    """(table, pattern) of a group of partner pairs swapped all at once."""
    table = {a: b for pair in pairs for a, b in (pair, pair[::-1])}
    return table, re.compile(r"\b(" + "|".join(sorted(map(re.escape, table), key=len, reverse=True)) + r")\b")

@functools.lru_cache(maxsize=None)
def _problem_pairs(problem_id):
    """A problem's own partner names (its YAML's mutant_partners: yolo_decode's cx/cy, bx/by, bw/bh), names only, each
    pair with its gradients' names (flow_affine_coupling's Ws <-> Wt with dWs <-> dWt), one tuple of pairs each."""
    from examprep.problem import catalog

    try:
        pairs = [tuple(pair) for pair in catalog.get(problem_id).mutant_partners]
    except Exception:   # a question without a catalog problem (a test's stand-in)
        return ()
    pairs = [pair for pair in pairs if len(pair) == 2 and all(re.fullmatch(r"[A-Za-z_]\w*", n) for n in pair)]
    return tuple(((a, b), ("d" + a, "d" + b)) for a, b in pairs)

@functools.lru_cache(maxsize=None)
def _problem_groups(problem_id):
    """A problem's own partner pairs (_problem_pairs), all at once and pair by pair, as (table, pattern)."""
    units = _problem_pairs(problem_id)
    everything = [pair for unit in units for pair in unit]
    return tuple(_tables(group) for group in ([everything] if len(units) > 1 else []) + [list(u) for u in units])

@functools.lru_cache(maxsize=None)
def _problem_two_pairs(problem_id):
    """A problem's own partner pairs two at a time (flow_affine_coupling's Ws <-> Wt with da <-> dt, not x1 <-> x2),
    when it has three or more (with two, all at once is that)."""
    units = _problem_pairs(problem_id)
    if len(units) < 3:
        return ()
    return tuple(_tables([*a, *b]) for i, a in enumerate(units) for b in units[i + 1:])

def mirrors(text, problem=None, two_pairs=False):
    """The text with every partner name of one group swapped (x_max <-> y_max, H <-> W ...; and the problem's own
    partners when its id is given), one text per group that changes it; with two_pairs, also the problem's own
    partners two pairs at a time (_problem_two_pairs: a whole line's mirror, partner_line_shown)."""
    out = []
    groups = list(zip(_TABLES, _PATTERNS)) + list(_problem_groups(problem) if problem else ())
    if problem and two_pairs:
        groups += list(_problem_two_pairs(problem))
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

def partner_line_shown(line, code, problem=None):
    """Whether a listing shows a blank's whole line with its partner names swapped, or with other integers
    (shows_partner's first rule; the mock exam's walk asks it of every line before proving any). The problem's own
    pairs count two at a time as well: flow_affine_coupling's `self.dWt = x1.T @ dt` below the blank `self.dWs =
    x1.T @ da` (the fifteenth examination, seed 12 Q77: the value alone is under LEAK_MIN characters, and neither
    pair alone nor all three at once mirror the line)."""
    line, listing = squeeze(line), squeeze(code)
    listing_lines = {_integers_masked(squeeze(shown)) for shown in code.split("\n") if shown.strip()}
    return bool(line) and (any(m in listing for m in mirrors(line, problem, two_pairs=True))
                           or _twin_shown(line, listing_lines, problem)
                           or _wrapped_partner_shown(line, code, problem))


def _core(value):
    """A value without the method calls after it (`src_y - y0` of `(src_y - y0).reshape(-1, 1)`), and how many."""
    calls = 0
    while isinstance(value, ast.Call) and isinstance(value.func, ast.Attribute):
        value, calls = value.func.value, calls + 1
    return value, calls


def _wrapped_partner_shown(line, code, problem=None):
    """Whether a shown line assigns the blank's partner name its partner value with method calls after it, or the
    blank's value is a partner's shown value with method calls after it: upsample's `ly = (src_y - y0).reshape(-1,
    1)` above the blank `lx = src_x - x0` (the ninth examination, seed 13 Q48: the trailing reshape kept the mirror
    from matching as text), and the other way round (the blank `ly = (src_y - y0).reshape(-1, 1)`, whose options
    flip the sign, below `lx = src_x - x0`). The value must be LEAK_MIN characters or more, and each line's whole
    value that chain on it (`ly = 1 - (src_y - y0)` is another value)."""
    stmt = one_statement(line)
    if not (isinstance(stmt, ast.Assign) and len(stmt.targets) == 1):
        return False
    core, calls = _core(stmt.value)
    if len(squeeze(ast.unparse(core))) < LEAK_MIN:
        return False
    wanted = set()
    for mirrored in mirrors(ast.unparse(ast.Assign(stmt.targets, core, lineno=0)), problem):
        other = one_statement(mirrored)
        if isinstance(other, ast.Assign) and len(other.targets) == 1:
            wanted.add((ast.dump(other.targets[0]), ast.dump(other.value)))
    for shown in shown_lines(code) if wanted else ():
        other = one_statement(shown)
        if isinstance(other, ast.Assign) and len(other.targets) == 1:
            theirs, their_calls = _core(other.value)
            if calls + their_calls and (ast.dump(other.targets[0]), ast.dump(theirs)) in wanted:
                return True
    return False

_SQUARE = re.compile(r"\*\*2(?![\w.])")   # `**2` squeezed, not `**2.5` or `**2j`


def partner_line_shown_but_square(line, code, problem=None):
    """Whether a listing shows a blank's whole line with its partner names swapped and a square added or dropped:
    Adam's `self.m[key] = self.beta1 * self.m[key] + (1 - self.beta1) * grads[key]` above the blank `self.v[key] =
    self.beta2 * self.v[key] + (1 - self.beta2) * grads[key] ** 2` (both examinations of the 2026-12-03 session).
    Unlike partner_line_shown, the walk hides such a line (code_walk.hide_giveaways) rather than leave the blank
    out before proving."""
    line = squeeze(line)
    if len(line) < LEAK_MIN:
        return False
    shown = {_SQUARE.sub("", squeeze(s)) for s in code.split("\n") if s.strip()}
    return any(_SQUARE.sub("", mirrored) in shown for mirrored in mirrors(line, problem))


def _roles(stmt):
    """What a statement is known by: the names it assigns and the function its value calls (`self.dbeta`, `sum`;
    `col`, `im2col`)."""
    targets = stmt.targets if isinstance(stmt, ast.Assign) else \
        [stmt.target] if isinstance(stmt, (ast.AugAssign, ast.AnnAssign)) else []
    value = getattr(stmt, "value", None)
    calls = {ast.unparse(value.func).split(".")[-1]} if isinstance(value, ast.Call) else set()
    return {ast.unparse(t) for t in targets} | calls

def asked_parts(key, wrong):
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

def partner_shows_asked(q, listing_lines):
    """Whether a partner line (one that assigns the blank line's partner name or calls its partner function:
    `self.dbeta = ...` for the blank `self.dgamma = ...`, `im2col(...)` for `col2im(...)`) shows what the wrong
    options ask, in the same role: group_norm's `self.dbeta = dout.sum(axis=(0, 2, 3))` above the blank `self.dgamma
    = np.sum(self.xn * dout, axis=(0, 2, 3))` (the axes, against a dropped axis), lp_pool's `im2col(x, self.pool_h,
    self.pool_w, self.stride, self.pad)` beside the blank `col2im(dcol, self.x_shape, self.pool_h, ..., self.pad)`
    (the argument order, against swapped arguments)."""
    key = one_statement(full_line(q, q.answer))
    if key is None:
        return False
    partners = {m for role in _roles(key) for m in mirrors(role)}
    if not partners:
        return False
    asked = set()
    for o in getattr(q, "options", None) or []:
        wrong = None if o.correct else one_statement(full_line(q, o.text))
        if wrong is not None:
            asked |= asked_parts(key, wrong)
    if not asked:
        return False
    for line in listing_lines:
        stmt = one_statement(line)
        if stmt is not None and _roles(stmt) & partners and any(a in squeeze(line) for a in asked):
            return True
    return False


def _broadcast_shape(node):
    """A parameter's broadcast shape, `(1, '_', 1, 1)` of `self.b.reshape(1, C_out, 1, 1)`: a reshape of an attribute
    to sizes that are 1 but one name; else None."""
    if not (isinstance(node, ast.Call) and isinstance(node.func, ast.Attribute) and node.func.attr == "reshape" and
            isinstance(node.func.value, ast.Attribute) and not node.keywords):
        return None
    sizes = node.args[0].elts if len(node.args) == 1 and isinstance(node.args[0], ast.Tuple) else node.args
    shape = tuple("_" if isinstance(a, ast.Name) else 1 if isinstance(a, ast.Constant) and a.value == 1 else None
                  for a in sizes)
    return shape if len(shape) >= 2 and None not in shape and shape.count("_") == 1 else None


@functools.lru_cache(maxsize=8192)
def _broadcast_shapes(text):
    """The broadcast shapes (_broadcast_shape) a text's statements take, each once."""
    try:
        tree = ast.parse(text.strip())
    except SyntaxError:
        return frozenset()
    return frozenset(map(_broadcast_shape, ast.walk(tree))) - {None}


@functools.lru_cache(maxsize=512)
def _shown_broadcast_shapes(code):
    return frozenset().union(*map(_broadcast_shapes, shown_lines(code)))


def broadcast_shown(key_line, wrong_lines, codes, least=2):
    """Whether `least` wrong options or more reshape a parameter to another broadcast shape than the key does, where
    the key's shape is shown by another line of a listing of `codes` or by the wrong option itself: group_norm's
    whole line `out = self.gamma.reshape(1, C, 1, 1) * self.xn + self.beta.reshape(1, C, 1, 1)` against
    `self.beta.reshape(1, 1, C, 1)` and `(C, 1, 1, 1)` beside gamma's in the option itself (the eighth examination,
    seed 13 Q51 of main 5c17dbb: a per-channel parameter takes one broadcast shape). A wrong option with the key's
    shape and another name (`(1, C_in, 1, 1)`, `(1, self.G, 1, 1)`) or without a reshape is not judged. The walk
    passes the blank's own listing only (giveaways.shows_partner): other sets' listings (transposed_conv's blank
    `self.b.reshape(1, C_out, 1, 1)` beside group_norm's shown `self.gamma.reshape(1, C, 1, 1)`) cost seed 11 its
    sets of 3+ (ARCHITECTURE.md)."""
    key = _broadcast_shapes(key_line)
    if not key:
        return False
    shown = frozenset().union(*(_shown_broadcast_shapes(code) for code in codes))
    ruled_out = 0
    for line in wrong_lines:
        theirs = _broadcast_shapes(line)
        ruled_out += bool(theirs - key) and bool(key & (shown | theirs))
    return ruled_out >= least
