"""The mutation operators of examprep.hole.mutants: each rewrites one node of a statement's AST into a
slightly wrong version (its name is the mutant's `operator`).

Operators (the name each mutant carries):

    swap_operands      a - b -> b - a, a / b, a // b, a % b, a ** b, a @ b;
                       np.dot(a, b) -> np.dot(b, a) (also matmul, subtract, divide, power)
    flip_sign          a + b <-> a - b;  x += ... <-> x -= ...
    drop_negation      -a -> a
    negate             the statement's whole value v -> -(v) (not for x += v, see flip_sign; not for
                       np.zeros(...), whose negation is the same array)
    compare_flip       a > b -> a < b, a >= b -> a <= b, and strict <-> non-strict (a > b -> a >= b)
    axis               axis=0 <-> 1, axis=-1 -> 0, axis=k -> 0 (k not 0 or 1)
    drop_axis          axis=... removed
    drop_keepdims      keepdims=... removed
    drop_transpose     x.T -> x, x.transpose(...) -> x, np.transpose(x, ...) -> x
    permute_transpose  two adjacent axes of x.transpose(a, b, ...) / np.transpose(x, (a, b, ...)) swapped
    sum_mean           sum <-> mean (np.sum, x.sum, ...)
    max_min            max <-> min, maximum <-> minimum
    argmax_argmin      argmax <-> argmin
    int_off_by_one     integer constant k -> k + 1, k - 1 (not axis values or transpose/reshape
                       arguments, which have operators of their own)
    float_perturbed    float constant c -> 2c, c / 2, and c -> 0 for small c (an epsilon such as 1e-7)
    slice_bound        a:b -> a:b+1, a:b-1, a+1:b, a-1:b
    slice_step         a:b:s -> a:b (step dropped), a:b:s+1
    permute_reshape    two adjacent arguments of reshape swapped
    reshape_for_transpose  a reshape's result transposed, written as one reshape to the transposed sizes:
                       x.reshape(N, T, h, d).transpose(0, 2, 1, 3) -> x.reshape(N, h, T, d),
                       x.reshape(a, b).T -> x.reshape(b, a) (the same shape, another layout)
    swap_arguments     two adjacent positional arguments of any other call swapped:
                       conv_output_size(H, FH, stride, pad) -> conv_output_size(H, FH, pad, stride)
                       (not for commutative functions such as np.maximum)
    partner_name       a name or attribute replaced by its partner from the problem's `mutant_partners`
                       ([[H, W], [beta1, beta2], [m, v]]: names and attributes, self.m <-> self.v;
                       [z, "1 - z"]: any expression, matched by its AST)
    first_operand      the statement's whole value replaced by its first operand:
                       a * b -> a, f(a, b) -> a, x.f(...) -> x, x[i] -> x, -a -> a, a < b -> a

NODE_OPERATORS: (name, fn(node) -> [replacement nodes]) applied to every node of a statement;
first_operand and negate (statement_value_operators) apply to the statement's whole value.
"""
import ast
import copy

from examprep.common import pyast

NONCOMMUTATIVE_BINOPS = (ast.Sub, ast.Div, ast.FloorDiv, ast.Mod, ast.Pow, ast.MatMult)
NONCOMMUTATIVE_CALLS = {"dot", "matmul", "subtract", "divide", "true_divide", "floor_divide", "power"}
RENAMES = {
    "sum_mean": {"sum": "mean", "mean": "sum", "nansum": "nanmean", "nanmean": "nansum"},
    "max_min": {"max": "min", "min": "max", "maximum": "minimum", "minimum": "maximum", "amax": "amin",
                "amin": "amax", "nanmax": "nanmin", "nanmin": "nanmax"},
    "argmax_argmin": {"argmax": "argmin", "argmin": "argmax"},
}
COMPARE_FLIPS = {ast.Gt: (ast.Lt, ast.GtE), ast.Lt: (ast.Gt, ast.LtE), ast.GtE: (ast.LtE, ast.Gt),
                 ast.LtE: (ast.GtE, ast.Lt)}
SHAPE_CALLS = {"transpose", "reshape"}  # their integer arguments are permuted, not shifted
COMMUTATIVE_CALLS = {"maximum", "minimum", "add", "multiply", "fmax", "fmin", "hypot", "logaddexp"}
ZERO_ALLOCATIONS = {"zeros", "zeros_like"}  # -np.zeros(...) is the same array (of -0.0): not negated


# ----------------------------------------------------------------------------- helpers


def call_name(call):
    """'sum' for np.sum(...), x.sum(...) and sum(...); None for anything else."""
    func = call.func
    if isinstance(func, ast.Attribute):
        return func.attr
    if isinstance(func, ast.Name):
        return func.id
    return None


def is_module_call(call):
    """np.f(...) / numpy.f(...) (a function of a module, not a method of an array)."""
    func = call.func
    return isinstance(func, ast.Attribute) and isinstance(func.value, ast.Name) and func.value.id in ("np", "numpy")


def int_value(node):
    """The value of an integer literal (also -k), else None. Booleans are not integers here."""
    if isinstance(node, ast.Constant) and type(node.value) is int:
        return node.value
    if (isinstance(node, ast.UnaryOp) and isinstance(node.op, ast.USub) and isinstance(node.operand, ast.Constant)
            and type(node.operand.value) is int):
        return -node.operand.value
    return None


def _int_node(value):
    return ast.Constant(value) if value >= 0 else ast.UnaryOp(ast.USub(), ast.Constant(-value))


def _shifted(expr, k):
    """expr + k, folded when expr is an integer literal (so that 3 + 1 reads 4)."""
    value = int_value(expr)
    if value is not None:
        return _int_node(value + k)
    return ast.BinOp(copy.deepcopy(expr), ast.Add() if k > 0 else ast.Sub(), ast.Constant(abs(k)))


def _clone(node, **changes):
    new = copy.deepcopy(node)
    for key, value in changes.items():
        setattr(new, key, value)
    return new


def _swapped_adjacent(items):
    """Each list obtained from items by swapping one adjacent pair (deep copies)."""
    for i in range(len(items) - 1):
        new = [copy.deepcopy(x) for x in items]
        new[i], new[i + 1] = new[i + 1], new[i]
        yield new


# ----------------------------------------------------------------------------- operators
# Each operator takes a node (of the original tree) and yields replacement nodes for it.


def _swap_operands(node):
    if isinstance(node, ast.BinOp) and isinstance(node.op, NONCOMMUTATIVE_BINOPS):
        yield _clone(node, left=copy.deepcopy(node.right), right=copy.deepcopy(node.left))
    elif (isinstance(node, ast.Call) and call_name(node) in NONCOMMUTATIVE_CALLS and len(node.args) >= 2
          and not any(isinstance(a, ast.Starred) for a in node.args[:2])):
        args = [copy.deepcopy(a) for a in node.args]
        args[0], args[1] = args[1], args[0]
        yield _clone(node, args=args)


def _flip_sign(node):
    if isinstance(node, ast.BinOp) and isinstance(node.op, (ast.Add, ast.Sub)):
        yield _clone(node, op=ast.Sub() if isinstance(node.op, ast.Add) else ast.Add())
    elif isinstance(node, ast.AugAssign) and isinstance(node.op, (ast.Add, ast.Sub)):
        yield _clone(node, op=ast.Sub() if isinstance(node.op, ast.Add) else ast.Add())


def _drop_negation(node):
    if isinstance(node, ast.UnaryOp) and isinstance(node.op, ast.USub) and int_value(node) is None:
        yield copy.deepcopy(node.operand)


def _compare_flip(node):
    if isinstance(node, ast.Compare) and len(node.ops) == 1 and type(node.ops[0]) in COMPARE_FLIPS:
        for op in COMPARE_FLIPS[type(node.ops[0])]:
            yield _clone(node, ops=[op()])


def _axis(node):
    if not isinstance(node, ast.Call):
        return
    for i, kw in enumerate(node.keywords):
        if kw.arg != "axis":
            continue
        value = int_value(kw.value)
        if value is not None:
            for new in ({0: [1], 1: [0]}.get(value, [0])):
                keywords = copy.deepcopy(node.keywords)
                keywords[i].value = _int_node(new)
                yield _clone(node, keywords=keywords)


def _drop_keyword(name):
    def operator(node):
        if isinstance(node, ast.Call):
            for i, kw in enumerate(node.keywords):
                if kw.arg == name:
                    yield _clone(node, keywords=[copy.deepcopy(k) for j, k in enumerate(node.keywords) if j != i])
    return operator


def _drop_transpose(node):
    if isinstance(node, ast.Attribute) and node.attr == "T":
        yield copy.deepcopy(node.value)
    elif isinstance(node, ast.Call) and call_name(node) == "transpose":
        if is_module_call(node):
            if node.args:
                yield copy.deepcopy(node.args[0])
        elif isinstance(node.func, ast.Attribute):
            yield copy.deepcopy(node.func.value)


def _permute_sequence_arg(node, name):
    """Adjacent swaps of the axes / shape given to x.<name>(a, b, ...), x.<name>((a, b)) or np.<name>(x, (a, b))."""
    if not (isinstance(node, ast.Call) and call_name(node) == name):
        return
    args = node.args[1:] if is_module_call(node) else node.args
    offset = len(node.args) - len(args)
    if any(isinstance(a, ast.Starred) for a in args):
        return
    if len(args) == 1 and isinstance(args[0], (ast.Tuple, ast.List)):
        for elts in _swapped_adjacent(args[0].elts):
            new_args = [copy.deepcopy(a) for a in node.args]
            new_args[offset] = _clone(args[0], elts=elts)
            yield _clone(node, args=new_args)
    elif len(args) >= 2:
        for swapped in _swapped_adjacent(args):
            yield _clone(node, args=[copy.deepcopy(a) for a in node.args[:offset]] + swapped)


def _permute_transpose(node):
    yield from _permute_sequence_arg(node, "transpose")


def _permute_reshape(node):
    yield from _permute_sequence_arg(node, "reshape")


def _listed(args):
    """The sizes or axes a call takes as separate arguments (`reshape(a, b)`) or as one tuple or list
    (`reshape((a, b))`)."""
    return args[0].elts if len(args) == 1 and isinstance(args[0], (ast.Tuple, ast.List)) else args


def _reshape_for_transpose(node):
    """The classic confusion of reshape with transpose: the transpose of a reshape's result written as one reshape
    to the transposed sizes, which has the right shape and the elements in the wrong places."""
    if isinstance(node, ast.Attribute) and node.attr == "T":
        inner, order = node.value, [1, 0]
    elif isinstance(node, ast.Call) and call_name(node) == "transpose" and not is_module_call(node) and node.args:
        inner = node.func.value
        order = [int_value(a) for a in _listed(node.args)]
    else:
        return
    if not (isinstance(inner, ast.Call) and call_name(inner) == "reshape" and not is_module_call(inner)):
        return
    sizes = _listed(inner.args)
    if any(isinstance(s, ast.Starred) for s in sizes) or None in order or sorted(order) != list(range(len(sizes))):
        return
    yield _clone(inner, args=[copy.deepcopy(sizes[i]) for i in order])


def _rename(table):
    def operator(node):
        if isinstance(node, ast.Call):
            name = call_name(node)
            if name in table:
                func = copy.deepcopy(node.func)
                if isinstance(func, ast.Attribute):
                    func.attr = table[name]
                else:
                    func.id = table[name]
                yield _clone(node, func=func)
    return operator


def _swap_arguments(node):
    if not isinstance(node, ast.Call):
        return
    name = call_name(node)
    if name in COMMUTATIVE_CALLS or name in SHAPE_CALLS or name in NONCOMMUTATIVE_CALLS:
        return  # equivalent, or handled by permute_* / swap_operands
    for i in range(len(node.args) - 1):
        a, b = node.args[i], node.args[i + 1]
        if isinstance(a, ast.Starred) or isinstance(b, ast.Starred) or ast.dump(a) == ast.dump(b):
            continue
        args = [copy.deepcopy(x) for x in node.args]
        args[i], args[i + 1] = args[i + 1], args[i]
        yield _clone(node, args=args)


def partner_operator(partners):
    """The partner_name operator for a problem's mutant_partners: [(a, b), ...], each swapped both ways."""
    names, expressions = {}, []
    for a, b in partners:
        for x, y in ((a, b), (b, a)):
            if x.isidentifier() and y.isidentifier():
                names[x] = y
            else:
                expressions.append((ast.dump(pyast.parse(x, mode="eval").body), pyast.parse(y, mode="eval").body))

    def operator(node):
        if isinstance(node, ast.Name) and isinstance(node.ctx, ast.Load) and node.id in names:
            yield ast.Name(names[node.id], ast.Load())
        elif isinstance(node, ast.Attribute) and isinstance(node.ctx, ast.Load) and node.attr in names:
            yield _clone(node, attr=names[node.attr])
        if expressions and isinstance(node, ast.expr) and not isinstance(getattr(node, "ctx", None),
                                                                         (ast.Store, ast.Del)):
            dump = ast.dump(node)
            for pattern, replacement in expressions:
                if dump == pattern:
                    yield copy.deepcopy(replacement)
    return operator


def _int_off_by_one(node):
    value = int_value(node)
    if value is not None:
        for k in (1, -1):
            yield _int_node(value + k)


def _float_perturbed(node):
    if isinstance(node, ast.Constant) and type(node.value) is float:
        c = node.value
        yield ast.Constant(c * 2)
        yield ast.Constant(c / 2)
        if 0 < abs(c) < 1e-3:
            yield ast.Constant(0.0)


def _slice_bound(node):
    if isinstance(node, ast.Slice):
        for field in ("upper", "lower"):
            bound = getattr(node, field)
            if bound is not None:
                for k in (1, -1):
                    yield _clone(node, **{field: _shifted(bound, k)})


def _slice_step(node):
    if isinstance(node, ast.Slice) and node.step is not None:
        yield _clone(node, step=None)
        yield _clone(node, step=_shifted(node.step, 1))


def _first_operand(value):
    """The first operand of an expression, or None when it has none worth taking."""
    if isinstance(value, ast.BinOp):
        return value.left
    if isinstance(value, ast.UnaryOp):
        return value.operand
    if isinstance(value, ast.Compare):
        return value.left
    if isinstance(value, ast.Subscript):
        return value.value
    if isinstance(value, ast.IfExp):
        return value.body
    if isinstance(value, ast.Call):
        if isinstance(value.func, ast.Attribute) and not is_module_call(value):
            return value.func.value  # x.sum(axis=0) -> x
        if value.args and not isinstance(value.args[0], ast.Starred):
            return value.args[0]
    return None


def statement_value_operators(stmt):
    """first_operand and negate act on the statement's whole value."""
    value = getattr(stmt, "value", None)
    if value is None or not isinstance(stmt, (ast.Assign, ast.AugAssign, ast.AnnAssign, ast.Return, ast.Expr)):
        return
    operand = _first_operand(value)
    if operand is not None:
        yield "first_operand", _clone(stmt, value=copy.deepcopy(operand))
    zeros = isinstance(value, ast.Call) and call_name(value) in ZERO_ALLOCATIONS
    if not (isinstance(value, (ast.Compare, ast.BoolOp)) or isinstance(stmt, (ast.Expr, ast.AugAssign)) or zeros):
        yield "negate", _clone(stmt, value=ast.UnaryOp(ast.USub(), copy.deepcopy(value)))


NODE_OPERATORS = [
    ("swap_operands", _swap_operands),
    ("flip_sign", _flip_sign),
    ("drop_negation", _drop_negation),
    ("compare_flip", _compare_flip),
    ("axis", _axis),
    ("drop_axis", _drop_keyword("axis")),
    ("drop_keepdims", _drop_keyword("keepdims")),
    ("drop_transpose", _drop_transpose),
    ("permute_transpose", _permute_transpose),
    ("sum_mean", _rename(RENAMES["sum_mean"])),
    ("max_min", _rename(RENAMES["max_min"])),
    ("argmax_argmin", _rename(RENAMES["argmax_argmin"])),
    ("int_off_by_one", _int_off_by_one),
    ("float_perturbed", _float_perturbed),
    ("slice_bound", _slice_bound),
    ("slice_step", _slice_step),
    ("permute_reshape", _permute_reshape),
    ("reshape_for_transpose", _reshape_for_transpose),
    ("swap_arguments", _swap_arguments),
    ("partner_name", None),   # per problem: partner_operator(problem.mutant_partners)
]
OPERATOR_NAMES = [name for name, _ in NODE_OPERATORS] + ["first_operand", "negate"]
