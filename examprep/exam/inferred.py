"""What a reader infers from other lines of a listing (issue 16, the final re-grades): rules of
examprep.exam.giveaways that need more than the blank's text found elsewhere.

- **A forward product's pairing shown by its backward** (pairing_shown): by the product rule the gradient of a
  factor is the upstream gradient times the other factors, so GRU's backward `dh_hat = dh_next * z` and `dh_prev =
  dh_next * (1 - z)` tell that the forward mix is `h_next = (1 - z) * h_prev + z * h_hat`, and `dWhh = np.dot((r *
  h_prev).T, dt)` that Whh multiplies `r * h_prev`. A blank counts as shown when a wrong option pairs an operand
  with another factor than the key does (`z * h_prev + (1 - z) * h_hat`) and the listing's gradient of that
  operand (`dX`, `self.dX`) multiplies the key's factor. Products are `*`, `@` and np.dot, their factors compared
  without a transpose (`x.T`) and unordered; a backward blank (its target a gradient, its factors gradients) is
  not judged so: deriving the backward from the forward is what it asks.
- **A forward blank's asked part shown by its backward** (part_shown): transposed_conv's backward `dx =
  np.dot(dcol, self.W.reshape(C_in, -1).T)` below the blank `col = np.dot(x_row, self.W.reshape(C_in, -1))` whose
  options reshape W to (C_out, -1) or (-1, C_in). The part of the key a wrong option changes (the smallest
  expression of at least 8 characters around the change, inside the value) counts as shown when another line
  shows it and not the wrong option's version; the blank counts when TWIN_RULES_OUT wrong options are so ruled
  out. A backward blank (its target or an operand a gradient) is not judged so: its forward shows the same
  reshape by design, and deriving the backward from it is the question.
- **A twin up to names and numbers** (twin_shown): random_search's `weight_decay = 10 ** rng.uniform(-8, -4)`
  above the blank `lr = 10 ** rng.uniform(-6, -2)`, mixup's `t_mix = lam * t + (1 - lam) * t[index]` below the
  blank `x_mix = lam * x + (1 - lam) * x[index]`. Lines merely sharing a shape are common (`da = np.sum(dar,
  axis=2)` below `c = np.sum(t, axis=1)`), so a shown line of the key's shape, up to renamed names and masked
  numbers, counts only when the key has two operations or more (a single call, `np.sum(t, axis=2)`, is not judged
  here; its keywords are same_call.same_call_shows_asked's and statement_shown's) and the line rules out at least
  TWIN_RULES_OUT of the wrong options (their shapes differ from it): it must leave at most one distractor beside
  the key.
- **The key's statement shown up to names, in any listing of the exam** (statement_shown; final re-grade 3):
  rnn_cell's `t = np.dot(h_prev, Wh) + np.dot(x, Wx) + b` beside the LSTM scenario's `A = np.dot(x, Wx) +
  np.dot(h_prev, Wh) + b`, rnn_cell's `db = np.sum(dt, axis=0)` beside another set's `self.db = np.sum(dout,
  axis=0)`. Statements are compared by their value with names renamed by first appearance (numbers kept) and the
  terms of a sum in a fixed order, a factor twice as its square (RMSprop's `g * g`, Adam's `g ** 2`). A shown line
  counts when it assigns the same target (`self.` dropped), or any target when the key has two operations or more
  (a transpose `.T` is one: MultiHeadAttention's `dx_q = np.dot(dQ, W_q.T)` beside the blank `dconcat =
  np.dot(dout, W_o.T)`), or when it is the key up to names, keywords and numbers included, and TWIN_RULES_OUT
  wrong options change the keywords of the key's call (weight_sum's `c = np.sum(t, axis=1)` beside the blank
  `dh = np.sum(dhr, axis=1)` whose options take axis 0: a fourth examination reversed the earlier decision that
  such a single call is an idiom; a line with other keywords, or options changing only the function, do not
  count), in its own listing or one of the same syllabus item (weight_sum and attention_weight reduce one (N, T,
  H) layout; ensemble_vote's `np.argmax(probs, axis=1)` over classes tells nothing of max_pooling's
  `np.argmax(col, axis=1)` over a window's elements); and it rules out at least TWIN_RULES_OUT wrong options. A
  key whose value is under 8 characters (layernorm's `xc = x - mu`) counts only where a line shows it as it is,
  target and names included (spatial_batchnorm's `xc = x - mu`; _short_statement_shown).
"""
import ast
import copy
import functools
import itertools
import re

from examprep.exam.code.blanks import diff_path, node_at
from examprep.exam.code.rule_nodes import operands, per_node, unparse
from examprep.exam.line_forms import Numbered, one_statement, shown_lines, squeeze

TWIN_RULES_OUT = 2
_IDENT = re.compile(r"[A-Za-z_]\w*")


def _value(stmt):
    return getattr(stmt, "value", None) if isinstance(stmt, (ast.Assign, ast.AugAssign, ast.AnnAssign, ast.Return,
                                                             ast.Expr)) else None


@per_node
def _shape(stmt):
    """The masked shape of a statement's value (names renamed, numbers masked), or None."""
    value = _value(stmt)
    return None if value is None else ast.dump(Numbered(numbers=True).visit(copy.deepcopy(value)))


def _operations(value):
    """How many operations a value has (calls, operators, indexing, a transpose `.T`; a negative number is none)."""
    return sum(isinstance(n, (ast.Call, ast.BinOp, ast.Subscript, ast.Compare, ast.BoolOp)) or
               isinstance(n, ast.Attribute) and n.attr == "T" or
               isinstance(n, ast.UnaryOp) and not isinstance(n.operand, ast.Constant) for n in ast.walk(value))


def twin_shown(key_line, wrong_lines, shown_lines):
    """Whether a shown line is the key's line up to renamed names and masked numbers (another quantity's line
    of the same form) and rules out at least TWIN_RULES_OUT of the wrong options (module docstring)."""
    key = one_statement(key_line)
    value = _value(key) if key is not None else None
    if value is None or _operations(value) < 2 or len(squeeze(ast.unparse(value))) < 8:
        return False
    shape = _shape(key)
    ruled_out = 0
    for line in wrong_lines:
        wrong = one_statement(line)
        ruled_out += wrong is not None and _shape(wrong) != shape
    if ruled_out < TWIN_RULES_OUT:
        return False
    own = squeeze(ast.unparse(value))
    return any(other is not None and other != own and other_shape == shape
               for other, other_shape in map(_line_shape, shown_lines))


@functools.lru_cache(maxsize=8192)
def _line_shape(line):
    """(squeezed value, masked shape) of a listing line, (None, None) for a line with no value; once per line."""
    stmt = one_statement(line)
    value = _value(stmt) if stmt is not None else None
    return (None, None) if value is None else (squeeze(ast.unparse(value)), _shape(stmt))


def _factor(node):
    """A product's factor as squeezed text, without a transpose (`x.T` is x's factor)."""
    while isinstance(node, ast.Attribute) and node.attr == "T":
        node = node.value
    return squeeze(ast.unparse(node))


def _products(tree):
    """The factor lists of every product in a tree: `a * b * c`, `a @ b`, np.dot(a, b)."""
    out = []
    for node in ast.walk(tree):
        for op in (ast.Mult, ast.MatMult):
            if isinstance(node, ast.BinOp) and isinstance(node.op, op):
                out.append([_factor(f) for f in operands(node, op)])
        if isinstance(node, ast.Call) and ast.unparse(node.func) in ("np.dot", "np.matmul") and len(node.args) == 2:
            out.append([_factor(a) for a in node.args])
    return out


def _pairs(tree):
    return {frozenset(pair) for factors in _products(tree) for pair in itertools.combinations(factors, 2)
            if pair[0] != pair[1]}


def _plain(name):
    """An operand's name without `self.` (`self.W` -> W), or None when it is no plain name."""
    name = name[5:] if name.startswith("self.") else name
    return name if _IDENT.fullmatch(name) else None


@functools.lru_cache(maxsize=256)
def _gradients(shown_lines):
    """{name: [value]}: the shown lines assigning a gradient (`dh_hat = ...`, `self.dW = ...`, `dh_prev += ...`)."""
    out = {}
    for line in shown_lines:
        stmt = one_statement(line)
        if not isinstance(stmt, (ast.Assign, ast.AugAssign)):
            continue
        for target in stmt.targets if isinstance(stmt, ast.Assign) else [stmt.target]:
            name = _plain(ast.unparse(target))
            if name and len(name) > 1 and name[0] == "d":
                out.setdefault(name[1:], []).append(stmt.value)
    return out


def backward_line(line, shown_lines):
    """Whether a line is a backward line (_backward); False when it is not one statement."""
    stmt = one_statement(line)
    return stmt is not None and _backward(stmt, shown_lines)


def _backward(stmt, shown_lines):
    """Whether a statement is a backward line: it assigns a gradient or reads one (`dout`, a shown `dX`)."""
    grads = {"d" + name for name in _gradients(tuple(shown_lines))} | {"dout"}
    targets = stmt.targets if isinstance(stmt, ast.Assign) else \
        [stmt.target] if isinstance(stmt, (ast.AugAssign, ast.AnnAssign)) else []
    names = {_plain(ast.unparse(t)) for t in targets}
    if any(n and len(n) > 1 and n[0] == "d" for n in names):
        return True
    value = _value(stmt)
    return value is not None and any(isinstance(n, ast.Name) and n.id in grads for n in ast.walk(value))


@functools.lru_cache(maxsize=256)
def _shown_parts(shown_lines):
    """Every expression of the shown lines, squeezed (whole expressions: `-window_size` is no part of
    `len(corpus) - window_size`)."""
    out = set()
    for line in shown_lines:
        stmt = one_statement(line)
        for node in ast.walk(stmt) if stmt is not None else ():
            if isinstance(node, ast.expr):
                out.add(squeeze(ast.unparse(node)))
    return frozenset(out)


def part_shown(key_line, wrong_lines, shown_lines):
    """Whether at least TWIN_RULES_OUT wrong options of a forward blank change a part of the key that another line
    shows, where it does not show theirs (module docstring)."""
    key = one_statement(key_line)
    value = _value(key) if key is not None else None
    if value is None or _backward(key, shown_lines):
        return False
    listing = _shown_parts(tuple(shown_lines))
    ruled_out = 0
    for line in wrong_lines:
        wrong = one_statement(line)
        if wrong is None or type(wrong) is not type(key):
            continue
        path = diff_path(key, wrong)
        for depth in range(len(path), 0, -1):
            part = node_at(key, path[:depth])
            if part is value or not isinstance(part, ast.expr):
                break
            text = squeeze(ast.unparse(part))
            if len(text) >= 8:
                theirs = node_at(wrong, path[:depth])
                ruled_out += text in listing and isinstance(theirs, ast.AST) and \
                    squeeze(ast.unparse(theirs)) not in listing
                break
    return ruled_out >= TWIN_RULES_OUT


def pairing_shown(key_line, wrong_lines, shown_lines):
    """Whether a wrong option pairs an operand of the key's products with another factor than the key does, and
    the listing's gradient of that operand multiplies the key's factor (module docstring)."""
    key = one_statement(key_line)
    value = _value(key) if key is not None else None
    if value is None:
        return False
    grads = _gradients(tuple(shown_lines))
    if not grads:
        return False

    def gradient(name):   # dout, dh_next, dt: an upstream gradient, not a forward quantity
        plain = _plain(name)
        return plain is not None and (plain == "dout" or len(plain) > 1 and plain[0] == "d")

    targets = [ast.unparse(t) for t in (key.targets if isinstance(key, ast.Assign) else
                                       [key.target] if isinstance(key, ast.AugAssign) else [])]
    if any(gradient(t) for t in targets):
        return False
    pairs = {p for p in _pairs(value) if not any(gradient(f) for f in p)}
    for line in wrong_lines:
        wrong = one_statement(line)
        wrong_value = _value(wrong) if wrong is not None else None
        if wrong_value is None:
            continue
        for pair in pairs - _pairs(wrong_value):
            for x, f in itertools.permutations(pair):
                name = _plain(x)
                if name and any(f in factors for g in grads.get(name, []) for factors in _products(g)):
                    return True
    return False



def squared(node):
    """A product with a factor twice written with its square (`a * g * g` as `a * g ** 2`: RMSprop's `(1 -
    self.decay_rate) * grads[key] * grads[key]` is Adam's `(1 - self.beta2) * grads[key] ** 2`); any other node as
    it is."""
    if not (isinstance(node, ast.BinOp) and isinstance(node.op, ast.Mult)):
        return node
    factors, counts = {}, {}
    for f in operands(node, ast.Mult):
        factors.setdefault(ast.dump(f), f)
        counts[ast.dump(f)] = counts.get(ast.dump(f), 0) + 1
    if max(counts.values()) < 2:
        return node
    return _joined([f if counts[d] == 1 else ast.BinOp(f, ast.Pow(), ast.Constant(counts[d]))
                    for d, f in factors.items()], ast.Mult)


def _joined(terms, op):
    """Terms joined by an operator, left to right (`a * b * c`)."""
    out = terms[0]
    for term in terms[1:]:
        out = ast.BinOp(out, op(), term)
    return out


class Squared(ast.NodeTransformer):
    """Every product of a term with itself as its square (squared)."""

    def visit_BinOp(self, node):
        return squared(self.generic_visit(node))


class _Sorted(ast.NodeTransformer):
    """The terms of each sum (`a + b + c`, not `-`) and the factors of each elementwise product (`*`, not `@`) in a
    fixed order: by each term's masked dump, then its text (terms of one shape keep their names' order), so
    `np.dot(x, Wx) + np.dot(h, Wh) + b` and `np.dot(h, Wh) + np.dot(x, Wx) + b` agree, and so do sigmoid's `dout *
    (1.0 - self.out) * self.out` and GRU's `dz * z * (1-z)`; a whole float is its integer (1.0 is 1)."""

    def visit_BinOp(self, node):
        node = squared(self.generic_visit(node))
        if not isinstance(node.op, (ast.Add, ast.Mult)):
            return node
        return _joined(sorted(operands(node, type(node.op)),
                              key=lambda t: (ast.dump(Numbered(numbers=True).visit(copy.deepcopy(t))),
                                             ast.unparse(t))), type(node.op))

    def visit_Constant(self, node):
        whole = isinstance(node.value, float) and node.value.is_integer() and abs(node.value) < 2 ** 53
        return ast.Constant(int(node.value)) if whole else node


class _Renamed(ast.NodeTransformer):
    """Names (and `self.` attributes) renamed by a table, the others kept."""

    def __init__(self, table):
        self.table = table

    def visit_Name(self, node):
        return ast.Name(self.table.get(node.id, node.id), node.ctx)

    def visit_Attribute(self, node):
        text = ast.unparse(node)
        if isinstance(node.value, ast.Name) and node.value.id == "self" and text in self.table:
            return ast.Name(self.table[text], node.ctx)
        return self.generic_visit(node)


def _names(value):
    """A sorted value's names by first appearance, as Numbered numbers them ({name: "_i"})."""
    masked = Numbered(numbers=True)
    masked.visit(copy.deepcopy(value))
    return masked.names


@functools.lru_cache(maxsize=8192)
def _statement_form(line):
    """(target without `self.` or None, sorted value, its masked dump, operations) of a line, or None for a line
    with no value."""
    stmt = one_statement(line)
    value = _value(stmt) if stmt is not None else None
    if value is None:
        return None
    targets = stmt.targets if isinstance(stmt, ast.Assign) else \
        [stmt.target] if isinstance(stmt, (ast.AugAssign, ast.AnnAssign)) else []
    target = _plain(ast.unparse(targets[0])) if len(targets) == 1 else None
    value = _Sorted().visit(copy.deepcopy(value))
    return target, value, ast.dump(Numbered(numbers=True).visit(copy.deepcopy(value))), _operations(value)


@functools.lru_cache(maxsize=512)
def _listing_forms(code):
    """{masked dump: [(target, sorted value)]} of a listing's lines without a blank, once per listing text; each
    term of a sum a line assigns counts as a line of its own (multi_head_attention's `dx_kv = np.dot(dK, W_k.T) +
    np.dot(dV, W_v.T)` shows `dconcat = np.dot(dout, W_o.T)` up to names: the seventh examination, seed 13 Q27)."""
    out = {}
    for line in shown_lines(code):
        for text in [line.strip()] + _sum_terms(line):
            form = _statement_form(text)
            if form is not None:
                out.setdefault(form[2], []).append((form[0], form[1]))
    return out


def _sum_terms(line):
    """`target = term` for each term of a sum a line assigns to one target (none for any other line)."""
    stmt = one_statement(line)
    if not (isinstance(stmt, ast.Assign) and len(stmt.targets) == 1 and isinstance(stmt.value, ast.BinOp) and
            isinstance(stmt.value.op, ast.Add)):
        return []
    target = ast.unparse(stmt.targets[0])
    return [f"{target} = {ast.unparse(term)}" for term in operands(stmt.value, ast.Add)]


def _read_as(key, shown):
    """The key with its names read as a shown line's of its shape (mapped by position), squeezed."""
    table = dict(zip(_names(key), _names(shown)))
    return squeeze(ast.unparse(_Sorted().visit(_Renamed(table).visit(copy.deepcopy(key)))))


def _rules_out(key, shown, wrong):
    """Whether a shown line of the key's shape up to names tells a wrong option from the key: the wrong option, its
    names read as the shown line's (the key's names mapped onto the line's by position), is not the shown line,
    and it uses no name the key does not (a name swapped for a new one, dt for dh, is not told by a renamed
    line). Numbers count only where the line shows the key's own."""
    if wrong is None:
        return False
    own = _names(key)
    if not set(_names(wrong[1])) <= set(own):
        return False
    table = dict(zip(own, _names(shown)))
    text = lambda value, mask: squeeze(ast.unparse(_Numbers().visit(value) if mask else value))
    read = lambda value: _Sorted().visit(_Renamed(table).visit(copy.deepcopy(value)))
    # numbers count only where the line shows the key's own (weight_decay's -8, -4 tell nothing of lr's -6, -2)
    mask = text(read(key), False) != text(copy.deepcopy(shown), False)
    return text(read(wrong[1]), mask) != text(copy.deepcopy(shown), mask)


class _Numbers(ast.NodeTransformer):
    """Numbers masked (a negative one too), names kept."""

    def visit_Constant(self, node):
        return ast.Constant("#") if isinstance(node.value, (int, float)) and not isinstance(node.value, bool) else node

    def visit_UnaryOp(self, node):
        if isinstance(node.op, ast.USub) and isinstance(node.operand, ast.Constant):
            return self.visit_Constant(node.operand)
        return self.generic_visit(node)


def _keywords_changed(key, wrong):
    """Whether a wrong option changes the keywords of the key's innermost call around its change (`np.sum(t,
    axis=0)` and `np.mean(t, axis=0)` against `np.sum(t, axis=2)`)."""
    path = diff_path(key, wrong)
    for depth in range(len(path), -1, -1):
        node = node_at(key, path[:depth])
        if isinstance(node, ast.Call):
            theirs = node_at(wrong, path[:depth])
            return isinstance(theirs, ast.Call) and \
                sorted(map(ast.dump, node.keywords)) != sorted(map(ast.dump, theirs.keywords))
    return False


def statement_shown(key_line, wrong_lines, codes, kin=None):
    """Whether a listing of `codes` shows the key's statement up to names (module docstring), ruling out at least
    TWIN_RULES_OUT wrong options; a single call whose keywords the options change counts only in the listings of
    `kin` (of the key's syllabus item; all of `codes` when None)."""
    form = _statement_form(key_line.strip())
    if form is None or form[3] < 1:
        return False
    target, value, dump, operations = form
    wrong = [_statement_form(line.strip()) for line in wrong_lines]
    if len(squeeze(unparse(value))) < 8:
        return _short_statement_shown(form, wrong, codes if kin is None else [c for c in codes if c in kin])
    keywords = []   # worked out when a shown line first needs it: most listings have no line of the key's shape
    for code in codes:
        for shown_target, shown in _listing_forms(code).get(dump, ()):
            if not (operations >= 2 or target is not None and target == shown_target):
                if not keywords:
                    keywords.append(sum(w is not None and _keywords_changed(value, w[1])
                                        for w in wrong) >= TWIN_RULES_OUT)
                if not (keywords[0] and (kin is None or code in kin) and
                        _read_as(value, shown) == squeeze(ast.unparse(shown))):
                    continue
            if sum(_rules_out(value, shown, w) for w in wrong) >= TWIN_RULES_OUT:
                return True
    return False


def _short_statement_shown(form, wrong, codes):
    """Whether a listing shows a short statement (its value under 8 characters: layernorm's `xc = x - mu`) as it is,
    the same target and value with the same names (spatial_batchnorm's `xc = x - mu`, a fifth examination, seed 13
    Q37), ruling out TWIN_RULES_OUT wrong options; a short value up to names (`d = a - b`) is any subtraction."""
    target, value, dump, _ = form
    own = squeeze(ast.unparse(value))
    for code in codes:
        for shown_target, shown in _listing_forms(code).get(dump, ()):
            if target is not None and shown_target == target and squeeze(ast.unparse(shown)) == own and \
                    sum(_rules_out(value, shown, w) for w in wrong) >= TWIN_RULES_OUT:
                return True
    return False
