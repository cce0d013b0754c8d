"""Distractor rules on shapes and axes: sizes equal on square inputs, repeated axes, reshapes and transposes
right on friendly inputs (issue 16); distractors.give_away applies them.
"""
import ast
import functools
import re

from examprep.exam.code.blanks import diff_path, node_at
from examprep.exam.code.rule_nodes import calls, dump, unparse, walk
from examprep.hole.mutation_operators import call_name, int_value, is_module_call


# Sizes that are equal on ordinary inputs (square images, kernels, pooling windows): a mutant that only swaps
# them (`im2col(x, self.pool_w, self.pool_h, ...)`, `dx.reshape(N, C, W, H)`) is right whenever the shape is square.
SQUARE_PARTNERS = [("H", "W"), ("FH", "FW"), ("out_h", "out_w"), ("filter_h", "filter_w"), ("pool_h", "pool_w"),
                   # an image's row and column coordinates and weights (upsample_bilinear, roi_align)
                   ("y0", "x0"), ("y1", "x1"), ("src_y", "src_x"), ("ly", "lx"), ("hy", "hx")]


def right_when_square(original, mutant):
    """Whether the mutant differs from the reference only by swapping sizes that are equal on square inputs
    (SQUARE_PARTNERS): right on ordinary inputs, wrong only on a non-square test case."""
    a, b = unparse(original), unparse(mutant)
    return a != b and _squared(a) == _squared(b)


@functools.lru_cache(maxsize=8192)
def _squared(text):
    """A statement's text with every width name written as its height partner (right_when_square)."""
    text = re.sub(r"\b[A-Za-z_]\w*\b", lambda m: _height_name(m.group(0)), text)
    for a, b in SQUARE_PARTNERS:
        text = re.sub(rf"\b{b}\b", a, text)
    return text


# The width part of an image or kernel size's name and its height part: a name made of parts (`FW_d`, `W_out`)
# whose width part turns into the height part names the same size on a square image or kernel. Lower-case parts
# are left to SQUARE_PARTNERS (`out_h`, `pool_h`): a RoI's `bin_h` / `bin_w` or a box's `h` / `w` are equal only
# for a square box, which the cases and the data rarely are (a decision, issue 16).
WIDTH_PARTS = {"W": "H", "FW": "FH", "KW": "KH"}


def _height_name(name):
    """name with its width parts written as height parts (`FW_d` -> `FH_d`, `W_out` -> `H_out`), the dilated
    kernel's `FH_d` / `FW_d` being square partners like `FH` / `FW` (the friendly-input check, issue 16)."""
    return "_".join(WIDTH_PARTS.get(p, p) for p in name.split("_"))


def repeated_axes(original, mutant):
    """An axis named twice where the reference names each once (`np.rot90(x, k, axes=(-2, -2))`, `x.transpose(0, 2,
    2, 1)`, `np.sum(d, axis=(0, 0))`): a ValueError seen at a glance, not a learner's mistake; or a transpose that
    keeps every axis in place (`x.transpose(0, 1, 2, 3)`), which no one writes."""
    def repeated(tree):
        out = set()
        for node in walk(tree):
            groups = []
            if isinstance(node, ast.keyword) and node.arg in ("axis", "axes") and isinstance(node.value, ast.Tuple):
                groups.append(node.value.elts)
            if isinstance(node, ast.Call) and call_name(node) == "transpose":
                groups.append(node.args[0].elts if len(node.args) == 1 and isinstance(node.args[0], ast.Tuple)
                              else node.args)
            for elts in groups:
                values = [int_value(e) for e in elts]
                identity = isinstance(node, ast.Call) and len(values) > 1 and values == list(range(len(values)))
                if None not in values and (len(set(values)) < len(values) or identity):
                    out.add(dump(node))
        return out
    return bool(repeated(mutant) - repeated(original))


def _reshapes(tree):
    return [n for n in calls(tree, "reshape") if isinstance(n.func, ast.Attribute)]


def broadcast_reshape(original, mutant):
    """A reshape that inserts a 1 (`h.reshape(N, 1, H)`) turned into one that puts the 1s first (`h.reshape(1, N,
    H)`): the same array under broadcasting as no reshape at all (`h`), so it is that mistake twice, and a reader
    who knows broadcasting drops both (a final re-grade, issue 16)."""
    def ones_stripped(call, leading_only):
        args = [dump(a) for a in call.args]
        one = dump(ast.Constant(1))
        if leading_only:
            while args and args[0] == one:
                args = args[1:]
            return args
        return [a for a in args if a != one]
    for a, b in zip(_reshapes(original), _reshapes(mutant)):
        if dump(a) == dump(b) or len(a.args) != len(b.args):
            continue
        if int_value(b.args[0]) == 1 and ones_stripped(b, True) == ones_stripped(a, False) \
                and all(int_value(x) != 1 for x in ones_stripped(b, True)):
            return True
    return False


def reshape_sizes_only(original, mutant, message):
    """A mutant that changes only which dimension a reshape's size reads (`dmax.reshape(dmax.shape[0] *
    dmax.shape[1] * dmax.shape[1], -1)` for `... * dmax.shape[2]`) and fails only because the sizes do not
    multiply out ("cannot reshape array"): a reshape never moves the data, so wherever the two dimensions are equal
    (a square map) the consumer sees the key's array, and a consumer that re-reads the size (col2im, another
    reshape) gives the key's values on every input the reshape takes (max_pooling, a delta re-grade, issue 16).
    A reshape that keeps the size and fails by its shape or values stays (`a.reshape(N, 1, T)`), and so does a
    size named otherwise (`self.b.reshape(1, C_in, 1, 1)`: which channel count is the concept)."""
    if "cannot reshape array" not in message:
        return False
    path = diff_path(original, mutant)
    in_reshape = in_shape = False
    for depth in range(len(path)):
        node = node_at(original, path[:depth])
        if isinstance(node, ast.Call) and call_name(node) == "reshape" and path[depth][0] == "args":
            in_reshape = True
        if (in_reshape and isinstance(node, ast.Subscript) and isinstance(node.value, ast.Attribute)
                and node.value.attr == "shape" and path[depth][0] == "slice"):
            in_shape = True
    return in_shape


def _transposed_axes(tree):
    """[(call dump, axes)] of the `.transpose(...)` / `np.transpose(x, (...))` calls with integer axes."""
    out = []
    for n in calls(tree, "transpose"):
        args = n.args[1:] if is_module_call(n) else n.args
        if len(args) == 1 and isinstance(args[0], (ast.Tuple, ast.List)):
            args = args[0].elts
        axes = [int_value(a) for a in args]
        if axes and None not in axes:
            out.append(axes)
    return out


def batch_axis_moved(original, mutant):
    """A transpose that keeps axis 0 first (the batch: `dout.transpose(0, 2, 3, 1)`) turned into one that moves it
    (`dout.transpose(2, 0, 3, 1)`, `x.transpose(2, 0, 1, 3)`): on a batch of one the data is the key's, and what
    follows reshapes it, so the option is right for a single example; no one moves the batch axis (kind 3 of the
    final re-grades: options graded on friendly inputs, issue 16)."""
    return any(a and b and a[0] == 0 and b[0] != 0 and len(a) == len(b)
               for a, b in zip(_transposed_axes(original), _transposed_axes(mutant)))


# Calls that read their array in flat order whatever its shape, when given no axis: a reshape just before them
# (`ds.reshape(T, N, 1).repeat(H)`) changes nothing of their result.
FLAT_READERS = {"repeat": 1, "ravel": 0, "flatten": 0, "sum": 0, "mean": 0, "max": 0, "min": 0, "prod": 0,
                "argmax": 0, "argmin": 0}


class _ReshapeBeforeFlat(ast.NodeTransformer):
    """Drops a reshape whose result a flat reader takes without an axis (FLAT_READERS): the same values."""

    def visit_Call(self, node):
        self.generic_visit(node)
        name = call_name(node)
        if name not in FLAT_READERS or node.keywords:
            return node
        module = is_module_call(node)
        if len(node.args) != FLAT_READERS[name] + module or (not module and not isinstance(node.func, ast.Attribute)):
            return node
        array = node.args[0] if module else node.func.value
        while isinstance(array, ast.Call) and call_name(array) == "reshape" and isinstance(array.func, ast.Attribute):
            array = array.args[0] if is_module_call(array) else array.func.value
        if module:
            node.args[0] = array
        else:
            node.func.value = array
        return node


@functools.lru_cache(maxsize=8192)
def array_form(text):
    """An option's text read for its values: whitespace normalised, and a reshape before a flat reader dropped
    (`ds.reshape(T, N, 1).repeat(H)` and `ds.reshape(N, T, 1).repeat(H)` are one array). Two options of one form
    are one option shown twice, whatever their texts (attention_weight's 2x2 parts, a fourth examination)."""
    try:
        tree = ast.parse(text.strip())
    except SyntaxError:
        return " ".join(text.split())
    return dump(_ReshapeBeforeFlat().visit(tree))


def _transposed(node):
    """Whether an operand is transposed: `W.T`, `W.transpose()`, `np.transpose(W)` (no axes)."""
    if isinstance(node, ast.Attribute) and node.attr == "T":
        return True
    return (isinstance(node, ast.Call) and call_name(node) == "transpose" and not node.keywords
            and len(node.args) == int(is_module_call(node)))


def _product_operands(node):
    """The two operands of a matrix product (`np.dot(a, b)`, `np.matmul(a, b)`, `a @ b`), or None."""
    if isinstance(node, ast.BinOp) and isinstance(node.op, ast.MatMult):
        return node.left, node.right
    if isinstance(node, ast.Call) and call_name(node) in ("dot", "matmul") and len(node.args) == 2:
        return tuple(node.args)
    return None


def _product_sums(tree):
    """[(operands the left product transposes, the right one)] of the sums and differences of two matrix products
    in tree (`np.dot(dres, self.Wr.T) + np.dot(dskip, self.Ws.T)`: (1, 1)), in walk order."""
    out = []
    for n in walk(tree):
        if isinstance(n, ast.BinOp) and isinstance(n.op, (ast.Add, ast.Sub)):
            terms = [_product_operands(n.left), _product_operands(n.right)]
            if None not in terms:
                out.append(tuple(sum(map(_transposed, t)) for t in terms))
    return out


def one_sided_transpose(original, mutant):
    """A sum of two matrix products that transpose alike (wavenet_block's `np.dot(dres, self.Wr.T) + np.dot(dskip,
    self.Ws.T)`, attention's `np.dot(dK, W_k.T) + np.dot(dV, W_v.T)`) made to transpose in one term only
    (`np.dot(dres, self.Wr) + np.dot(dskip, self.Ws.T)`): the other term shows the form, an asymmetric slip ruled
    out on sight (the sixth examination, seed 13, issue 16). Both transposes dropped, a term dropped, or its
    operands swapped stay."""
    return any(a[0] == a[1] and b[0] != b[1] for a, b in zip(_product_sums(original), _product_sums(mutant)))
