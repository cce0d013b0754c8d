"""Distractor rules on slices and indices: steps, empty or whole-axis slices, bounds from two axes (issue 16);
distractors.give_away applies them.
"""
import ast
import copy
import itertools

from examprep.hole.mutation_operators import int_value
from examprep.exam.code.rule_nodes import dump, walk


def odd_step(original, mutant):
    """A slice step that no one writes: 0 (a ValueError), or a new step other than ±1 (`pe[:, 1::3]` for `1::2`,
    `[:, ::-2]` for `[:, ::-1]`). Dropping the step (`pe[:, 0:]`) stays a mistake learners make."""
    def steps(tree):
        return {int_value(n.step) for n in walk(tree) if isinstance(n, ast.Slice) and n.step is not None}
    new = steps(mutant) - steps(original)
    return any(k is not None and abs(k) != 1 for k in new)


def _offset(node):
    """(dump of the base, constant offset) of a slice bound `e`, `e + k`, `k + e` or `e - k`."""
    if isinstance(node, ast.BinOp) and isinstance(node.op, (ast.Add, ast.Sub)):
        if int_value(node.right) is not None:
            k = int_value(node.right)
            return dump(node.left), k if isinstance(node.op, ast.Add) else -k
        if isinstance(node.op, ast.Add) and int_value(node.left) is not None:
            return dump(node.right), int_value(node.left)
    return dump(node), 0


def _always_empty(n):
    """Whether a slice is empty for every input: it ends as far before its start as it should run after it
    (`f0:f0 - f`), or its end is its start or before it by a constant (`w:w`, `w + 1:w`)."""
    if not isinstance(n, ast.Slice) or n.lower is None or n.upper is None or n.step is not None:
        return False
    if isinstance(n.upper, ast.BinOp) and isinstance(n.upper.op, ast.Sub) and dump(n.upper.left) == dump(n.lower):
        return True
    (low, a), (up, b) = _offset(n.lower), _offset(n.upper)
    return low == up and b <= a


def empty_slice(original, mutant):
    """A slice empty for every input (`out[f0:f0 - f, :]` for `out[f0:f0 + f, :]`, `left:left - w`,
    `corpus[w:w]`, `corpus[w + 1:w]`), which no one writes."""
    def empty(tree):
        return {dump(n) for n in walk(tree) if _always_empty(n)}
    return bool(empty(mutant) - empty(original))


def identity_slice(original, mutant):
    """A new slice `0:` (`ts[:, 0:]` for `ts[:, 1:]`): the whole axis, which no one writes as a slice (the slice's
    `** 1`). A step (`0::2`) keeps it a real slice, and a step dropped (`x[:, 0:]` for `x[:, 0::2]`) stays a
    learner's mistake here, unless the slice then cannot broadcast against what it meets (`pe[:, 0:] =
    np.sin(angle)`: length_mismatched)."""
    def identity(tree):
        return {dump(n) for n in walk(tree)
                if isinstance(n, ast.Slice) and n.upper is None and n.step is None and int_value(n.lower) == 0}
    def steps(tree):
        return sum(isinstance(n, ast.Slice) and n.step is not None for n in walk(tree))
    return steps(original) == steps(mutant) and bool(identity(mutant) - identity(original))


def _mult(node):
    """(left, right) dumps of a product `a * b`, or None."""
    if isinstance(node, ast.BinOp) and isinstance(node.op, ast.Mult):
        return dump(node.left), dump(node.right)
    return None


def _block_sizes(n):
    """The two sizes of a block slice `g * A:(g + 1) * B` (A and B, whatever they are), or None."""
    low, up = _mult(n.lower), _mult(n.upper)
    if low is None or up is None or not isinstance(n.upper.left, ast.BinOp):
        return None
    base, k = _offset(n.upper.left)
    return (low[1], up[1]) if base == low[0] and k == 1 else None


def _mixed(n):
    """Whether a slice takes its bounds from two axes or two sizes: `top:left + size`, `g * Fg:(g + 1) * Cg`."""
    if not isinstance(n, ast.Slice):
        return False
    if isinstance(n.lower, (ast.Name, ast.Attribute)) and isinstance(n.upper, ast.BinOp) and \
            isinstance(n.upper.op, ast.Add) and isinstance(n.upper.left, (ast.Name, ast.Attribute)):
        return dump(n.upper.left) != dump(n.lower)
    sizes = _block_sizes(n)
    return sizes is not None and sizes[0] != sizes[1]


def mixed_slice(original, mutant):
    """A slice whose start is one offset and whose end another's (`img[:, top:left + size]`, `left:top + w`):
    bounds from two axes, which no one writes (final re-grades, issue 16); and a block slice whose start and end
    count in two sizes (grouped_conv's `x[:, g * Fg:(g + 1) * Cg]` for `g * Cg:(g + 1) * Cg`, ninth examination:
    nonsense arithmetic; the mistake `g * Fg:(g + 1) * Fg`, channels sliced by the filter-group size, stays)."""
    def mixed(tree):
        return {dump(n) for n in walk(tree) if _mixed(n)}
    return bool(mixed(mutant) - mixed(original))


class _Masked(ast.NodeTransformer):
    """Names and attribute chains as one placeholder: a slice's form (`top:top + size` and `left:left + size` alike)."""

    def visit_Name(self, node):
        return ast.Name(id="_", ctx=ast.Load())

    def visit_Attribute(self, node):
        return ast.Name(id="_", ctx=ast.Load())


def _form(node):
    return dump(_Masked().visit(copy.deepcopy(node)))


def _slice_forms(tree):
    """[[form of each element]] of the subscripts of tree that index two axes or more with slices, in walk order."""
    out = []
    for n in walk(tree):
        if isinstance(n, ast.Subscript) and isinstance(n.slice, ast.Tuple):
            out.append([_form(e) if isinstance(e, ast.Slice) else None for e in n.slice.elts])
    return out


def one_axis_shift(original, mutant):
    """Two axes sliced alike (`img[:, top:top + size, left:left + size]`, `dx_pad[:, :, p:p + H, p:p + W]`) made
    unlike by a change of form on one of them (`top:top + size + 1` beside `left:left + size`, `p + 1:p + W`): an
    asymmetric slip where the statement treats both axes alike, ruled out on sight (a fourth examination, issue
    16). The same change on both axes (`+ 1` on each) and a partner swap (`top:top + w`: same form) stay."""
    for a, b in zip(_slice_forms(original), _slice_forms(mutant)):
        if len(a) != len(b):
            continue
        for i, j in itertools.combinations(range(len(a)), 2):
            if a[i] is not None and a[i] == a[j] and b[i] is not None and b[j] is not None and b[i] != b[j]:
                return True
    return False


def _cut(node):
    """How many elements the 1-d slice `x[k:]`, `x[:-k]`, `x[k:-j]` leaves out (k + j), or None for another index."""
    if not isinstance(node, ast.Slice) or node.step is not None:
        return None
    low = 0 if node.lower is None else int_value(node.lower)
    high = 0 if node.upper is None else int_value(node.upper)
    if low is None or high is None or low < 0 or high > 0:
        return None
    return low - high


def _misaligned(tree):
    """Arithmetic between two slices of one array (`x[1:] - alpha * x[:-1]`) whose lengths differ for every input."""
    out = set()
    for n in walk(tree):
        if not isinstance(n, ast.BinOp):
            continue
        sides = []
        for side in (n.left, n.right):
            sliced = [(dump(s.value), _cut(s.slice)) for s in walk(side) if isinstance(s, ast.Subscript)]
            sides.append({base: cut for base, cut in sliced if cut is not None})
        left, right = sides
        if any(left[base] != right[base] for base in left.keys() & right.keys()):
            out.add(dump(n))
    return out


def misaligned_slices(original, mutant):
    """Two slices of one array paired element by element (pre-emphasis' `x[1:] - alpha * x[:-1]`: each sample with
    the one before) made of different lengths (`x[2:] - alpha * x[:-1]`): a shift by two against one, which
    cannot even broadcast (the grader's "operands could not be broadcast"), ruled out on sight (a fourth
    examination, issue 16). A reversed pairing (`x[:-1] - alpha * x[1:]`) keeps the lengths and stays."""
    return bool(_misaligned(mutant) - _misaligned(original))


def stepped_from_end(original, mutant):
    """A slice with a step of 2 or more given a negative start and no end (positional_encoding's `pe[:, -1::2]`
    for `0::2`): the last element or so written as a stepped slice, which no one writes (two examinations of
    seeds 11 and 13, issue 16). A negative start without a step (`hs[:, -1:]`: the last step kept as an axis) and
    a negative step (`[::-1]`) stay."""
    def found(tree):
        return {dump(n) for n in walk(tree) if isinstance(n, ast.Slice) and n.upper is None
                and (int_value(n.step) or 0) > 1 and (int_value(n.lower) or 0) < 0}
    return bool(found(mutant) - found(original))


# The grader's words for arrays whose shapes do not match element by element.
BROADCAST_ERRORS = ("could not be broadcast", "could not broadcast")


def _met_subscripts(tree):
    """[(dump of the array, its index's elements)] of the subscripts a statement meets element by element with
    another array (an operand of +, -, *, /) or assigns to, in walk order."""
    out = []
    for n in walk(tree):
        sides = []
        if isinstance(n, ast.BinOp) and isinstance(n.op, (ast.Add, ast.Sub, ast.Mult, ast.Div)):
            sides = [n.left, n.right]
        elif isinstance(n, ast.Assign):
            sides = n.targets
        elif isinstance(n, ast.AugAssign):
            sides = [n.target]
        for side in sides:
            if isinstance(side, ast.Subscript):
                elts = side.slice.elts if isinstance(side.slice, ast.Tuple) else [side.slice]
                out.append((dump(side.value), elts))
    return out


def _dump(node):
    return None if node is None else dump(node)


def _bound(node):
    """(base, constant) of a slice bound (`T + 1`: T, 1); an absent bound and a number have no base."""
    if node is None or int_value(node) is not None:
        return None, int_value(node) or 0
    return _offset(node)


def _length_changed(a, b):
    """Whether slice b is slice a with another length by a constant: its step dropped (`0::2` -> `0:`), an open
    slice's start shifted (`1::2` -> `2::2`) or a prefix's end shifted (`[:n]` -> `[:n + 1]`)."""
    if not (isinstance(a, ast.Slice) and isinstance(b, ast.Slice)) or dump(a) == dump(b):
        return False
    if a.step is not None and b.step is None:
        return _dump(a.lower) == _dump(b.lower) and _dump(a.upper) == _dump(b.upper)
    (low, k), (high, j), (low2, k2), (high2, j2) = map(_bound, (a.lower, a.upper, b.lower, b.upper))
    if _dump(a.step) != _dump(b.step) or low != low2 or high != high2:
        return False
    if a.upper is None:
        return b.upper is None
    return low is None and k == k2 == 0 and high is not None and j != j2


def length_mismatched(original, mutant, message):
    """A slice met element by element with another array, or assigned to, made of another length (bert_embedding's
    `pos_E[:T + 1]` beside `tok_E[ids]`, `dpos[:T - 1] = dout.sum(axis=0)`, positional_encoding's `pe[:, 0:] =
    np.sin(angle)` for `0::2`, `pe[:, 2::2] = np.cos(angle)` for `1::2`), where the grader rejects it by a
    broadcast: the key's slice has the length of what it meets (`T = ids.shape[1]`, `angle` of d_model / 2 columns
    are shown), so the option is a shape error seen on sight (two examinations of seeds 11 and 13, issue 16).
    Judged with that verdict only: `1::2` for `0::2` keeps the length and stays, as does a slice met by a bias
    (it broadcasts), a window moved (`pos_E[1:T + 1]`) and a slice read alone."""
    if not any(words in message for words in BROADCAST_ERRORS):
        return False
    for (x, a), (y, b) in zip(_met_subscripts(original), _met_subscripts(mutant)):
        if x == y and len(a) == len(b) and any(_length_changed(p, q) for p, q in zip(a, b)):
            return True
    return False


def _ints_masked(node, ints):
    """A copy of the node with every integer literal below it (also -k) a name `_`, their values appended to
    `ints` in order."""
    def masked(value):
        if not isinstance(value, ast.AST):
            return value
        if int_value(value) is not None:
            ints.append(int_value(value))
            return ast.Name("_", ast.Load())
        return _ints_masked(value, ints)
    new = copy.copy(node)
    for field, value in ast.iter_fields(node):
        setattr(new, field, [masked(v) for v in value] if isinstance(value, list) else masked(value))
    return new


def _columns(tup):
    """The integer indices of a tuple of three or more subscripts of one array that differ in one integer index
    only (`ltrb[:, 0], ltrb[:, 1], ltrb[:, 2], ltrb[:, 3]`), else None."""
    elts = tup.elts
    if len(elts) < 3 or not all(isinstance(e, ast.Subscript) for e in elts):
        return None
    forms, ints = set(), []
    for e in elts:
        found = []
        forms.add(ast.dump(ast.Subscript(e.value, _ints_masked(e.slice, found), e.ctx)))
        if len(found) != 1:
            return None
        ints += found
    return ints if len(forms) == 1 else None


def repeated_column(original, mutant):
    """A tuple that reads each of an array's columns once (`l, t, r, b = ltrb[:, 0], ltrb[:, 1], ltrb[:, 2],
    ltrb[:, 3]`) made to read one of them twice (`ltrb[:, 1]` for `ltrb[:, 2]`, `ltrb[:, -1]` for `ltrb[:, 0]`):
    two names unpacked from one column, which no one writes (the twenty-fourth examination, seed 11 Q94: every
    option but the key read a column twice)."""
    def reads(tree):
        return [c for c in (_columns(n) for n in walk(tree) if isinstance(n, ast.Tuple)) if c is not None]
    # a full unpacking 0 .. n - 1: a negative index is a column from the end (`ltrb[:, -1]` is `ltrb[:, 3]`)
    full = {len(c) for c in reads(original) if sorted(c) == list(range(len(c)))}
    once = [c for c in reads(original) if len(set(c)) == len(c)]
    return bool(once) and any(len({k + len(c) if k < 0 and len(c) in full else k for k in c}) < len(c)
                              for c in reads(mutant))
