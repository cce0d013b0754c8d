"""Distractor rules on arithmetic: operands swapped, signs flipped, integers shifted, terms dropped (issue 16).

Each rule takes the reference statement and the mutant statement, parsed (and the path to the changed node where
it needs it), and says whether the mutant is arithmetic no learner writes; distractors.give_away applies them.
"""
import ast

from examprep.exam.code.blanks import node_at
from examprep.exam.code.rule_nodes import dump, dumps_within, is_number, last_name, operands, per_node, walk
from examprep.hole.mutation_operators import call_name, int_value, is_module_call


# Swapping these operands gives arithmetic no one writes: `2 ** grad`, `n_in / 1.0`, `len(d) / np.sum(d ** 2)`.
SWAP_NONSENSE_BINOPS = (ast.Pow, ast.Div, ast.FloorDiv, ast.Mod)


SWAP_NONSENSE_CALLS = {"power", "divide", "true_divide", "floor_divide"}


# Array methods and NumPy functions whose removal is a missing step (`x.sum(axis=0)` -> `x`, `np.sqrt(v)` -> `v`);
# removing any other call leaves an object (`self.layer.forward(x)` -> `self.layer`) or a bare argument
# (`np.dot(du, W.T)` -> `du`).
DROPPABLE_CALLS = {"sum", "mean", "max", "min", "amax", "amin", "reshape", "transpose", "astype", "repeat", "flatten",
                   "ravel", "squeeze", "sqrt", "exp", "log", "tanh", "abs", "square", "floor", "ceil", "round",
                   "cumsum", "prod", "std", "var", "expand_dims", "copy"}


# Not np.clip: a clip left out (`alpha * x + beta` for `np.clip(alpha * x + beta, 0, 1)`) is right whenever the
# values stay in range, and the listing does not say the range (third re-grade, issue 16).
BUILTIN_CALLS = {"len", "range", "int", "float", "list", "tuple", "zip", "enumerate", "isinstance", "dict", "set",
                 "print", "sorted", "reversed", "min", "max", "sum", "abs"}


# A product's first factor is a fair "forgotten factor" only when what is dropped is a plain factor (`dout *
# self.mask`), not the whole computed term (`lam * np.sum(np.abs(W))` -> `lam`).
FACTORS = (ast.Name, ast.Attribute, ast.Subscript)


def nonsense_int(original, path):
    """An integer shifted anywhere but an index, a slice bound or a keyword argument (`x[:, 2]`, `x[2:]`, `k=0`
    stay): `11 ** (db / 20)`, `(2 - beta1)`, `W - 0`, `rng.uniform(-8, -3)` are arithmetic no one writes."""
    # Look through a unary minus (-8 -> -3) and an index tuple (x[:, 2]) to the node that holds the integer.
    while len(path) > 1 and isinstance(node_at(original, path[:-1]), (ast.UnaryOp, ast.Tuple)):
        path = path[:-1]
    if not path:
        return True
    holder, field = node_at(original, path[:-1]), path[-1][0]
    if isinstance(holder, ast.Slice) and field == "step":   # `[:, ::-2]` for `[:, ::-1]`: no one steps by two
        return True
    if (isinstance(holder, ast.Subscript) and field == "slice") or isinstance(holder, (ast.Slice, ast.keyword)):
        return False
    return True


def nonsense_swap(node):
    """Swapped operands that no one writes: a power, a quotient, or a number moved to the other side (`1 - W`)."""
    if isinstance(node, ast.BinOp):
        return isinstance(node.op, SWAP_NONSENSE_BINOPS) or is_number(node.left) or is_number(node.right)
    if isinstance(node, ast.Call):
        return call_name(node) in SWAP_NONSENSE_CALLS or any(is_number(a) for a in node.args[:2])
    return False


def nonsense_first_operand(original):
    """The statement's value replaced by its first operand where that leaves no learner's mistake: a number, a
    comparison's left side, an object without its method call, or a product's first factor."""
    value = getattr(original, "value", None)
    if isinstance(value, ast.Compare):
        return True
    if isinstance(value, ast.BinOp):   # `dout * self.mask` -> `dout` (the mask forgotten) stays
        dropped_term = isinstance(value.op, ast.Mult) and not isinstance(value.right, FACTORS)
        return isinstance(value.op, ast.MatMult) or is_number(value.left) or dropped_term
    if isinstance(value, ast.Call):
        name = call_name(value)
        if isinstance(value.func, ast.Attribute) and not is_module_call(value):
            return name not in DROPPABLE_CALLS
        if is_module_call(value):
            return name not in DROPPABLE_CALLS or not value.args or is_number(value.args[0])
        # sigmoid(x) -> x (the activation forgotten) stays; a helper of several arguments dropped does not
        return name in BUILTIN_CALLS or len(value.args) != 1 or is_number(value.args[0])
    if isinstance(value, ast.Subscript):   # `layer.grads[0]` -> `layer.grads`: a list where its array goes
        return int_value(value.slice) is not None
    return False


_SELF_IDENTICAL = {"minimum", "maximum", "fmin", "fmax"}


def _cancels(node):
    """a - a, a / a, a - (a - b) (which is b), or np.minimum(a, a) (which is a; fcos_centerness's partner swap, the
    twenty-third examination): written by no one."""
    if isinstance(node, ast.Call) and isinstance(node.func, ast.Attribute) and node.func.attr in _SELF_IDENTICAL \
            and len(node.args) == 2 and not node.keywords:
        return dump(node.args[0]) == dump(node.args[1])
    if not isinstance(node, ast.BinOp):
        return False
    if isinstance(node.op, (ast.Sub, ast.Div, ast.FloorDiv)) and dump(node.left) == dump(node.right):
        return True
    inner = node.right
    return (isinstance(node.op, ast.Sub) and isinstance(inner, ast.BinOp) and isinstance(inner.op, ast.Sub)
            and dump(inner.left) == dump(node.left))


def self_cancelling(original, mutant):
    """Arithmetic that cancels, which the reference did not have: `np.mean(d_fake) - np.mean(d_fake)` or
    `1 - (1 - lam)`, from a partner swap."""
    return bool(_cancelling(mutant) - _cancelling(original))


@per_node
def _cancelling(tree):
    """The dumps of a tree's nodes that cancel (self_cancelling)."""
    return frozenset(dump(n) for n in walk(tree) if _cancels(n))


def self_assignment(node):
    """`returns = returns` (the subtraction of a baseline dropped): a statement that does nothing."""
    return (isinstance(node, ast.Assign) and len(node.targets) == 1
            and dump(node.targets[0]).replace("Store", "Load") == dump(node.value))


def epsilon_sign(original, path):
    """A sign flipped next to a tiny constant (`np.log(probs - 1e-12)` for `+ 1e-12`): a changed ε, right on every
    input without an exact zero."""
    while path:
        node = node_at(original, path)
        if isinstance(node, ast.BinOp):
            return any(isinstance(x, ast.Constant) and type(x.value) is float and 0 < abs(x.value) < 1e-3
                       for x in (node.left, node.right))
        path = path[:-1]
    return False


def width_summed(original, mutant):
    """A width that normalises turned into a sum of two positions (`(freqs - left) / (center + left)` for
    `/ (center - left)`, `(x - lo) / (hi + lo)`): the denominator, a difference sharing a position with the
    numerator's difference, made a sum. Ruled out on sight (final re-grade 3)."""
    def widths(tree):
        out = set()
        for n in walk(tree):
            if not (isinstance(n, ast.BinOp) and isinstance(n.op, ast.Div) and isinstance(n.left, ast.BinOp)
                    and isinstance(n.left.op, ast.Sub) and isinstance(n.right, ast.BinOp)):
                continue
            num = {dump(x) for x in (n.left.left, n.left.right) if not is_number(x)}
            den = [x for x in (n.right.left, n.right.right) if not is_number(x)]
            if len(den) == 2 and num & {dump(x) for x in den}:
                out.add((dump(n.left), tuple(sorted(dump(x) for x in den)), type(n.right.op).__name__))
        return out
    before, after = widths(original), widths(mutant)
    return any(op == "Add" and (num, den, "Sub") in before for num, den, op in after - before)


def _compared(tree, op):
    """{(a, b)} of the `a op b` inside a quotient's numerator whose operands both occur in its denominator (a
    relative error's `np.abs(a - b) / np.maximum(np.abs(a) + np.abs(b), eps)`)."""
    out = set()
    for n in walk(tree):
        if not (isinstance(n, ast.BinOp) and isinstance(n.op, ast.Div)):
            continue
        below = {dump(x) for x in walk(n.right)}
        for m in walk(n.left):
            if (isinstance(m, ast.BinOp) and isinstance(m.op, op) and not is_number(m.left)
                    and not is_number(m.right) and {dump(m.left), dump(m.right)} <= below):
                out.add((dump(m.left), dump(m.right)))
    return out


def difference_summed(original, mutant):
    """A difference measured against the two values' sizes made a sum (gradient_check's `np.abs(a + b) /
    np.maximum(np.abs(a) + np.abs(b), eps)` for `np.abs(a - b) / ...`): a relative error whose numerator adds
    what it compares, nonsense like a normalising width made a sum (a fourth examination, issue 16)."""
    return bool(_compared(mutant, ast.Add) & _compared(original, ast.Sub))


def state_renamed(original, mutant):
    """A recurrence (a statement reading its own target: `self.m[key] = beta1 * self.m[key] + ...`) made one that
    does not by a renamed name of the same form: stored under its partner's name (`self.v[key] = beta1 *
    self.m[key] + ...`: m never updated) or fed from it (`self.v[key] = beta2 * self.m[key] + ...`: a moving
    average of nothing). Ruled out on sight by the form `x = b * x + (1 - b) * g` (final re-grade 3)."""
    if not (isinstance(original, ast.Assign) and isinstance(mutant, ast.Assign)
            and len(original.targets) == len(mutant.targets) == 1):
        return False
    def reads_target(node):
        return dump(node.targets[0]).replace("Store", "Load") in dumps_within(node.value)
    def form(node):
        return [type(n).__name__ for n in walk(node.value)]
    return reads_target(original) and not reads_target(mutant) and form(original) == form(mutant)


REDUCTIONS = {"sum", "mean", "nansum", "nanmean"}


def mixed_reductions(original, mutant):
    """The two reductions of a sum or difference made different (`np.mean(d_fake) - np.sum(d_real)` for
    `np.mean(d_fake) - np.mean(d_real)`): a mean and a sum on one scale, ruled out on sight."""
    def mixed(tree):
        return {dump(n) for n in walk(tree)
                if isinstance(n, ast.BinOp) and isinstance(n.op, (ast.Add, ast.Sub))
                and all(isinstance(x, ast.Call) and call_name(x) in REDUCTIONS for x in (n.left, n.right))
                and call_name(n.left) != call_name(n.right)}
    return bool(mixed(mutant) - mixed(original))


def complement_flipped(original, mutant, path):
    """A number's complement turned into a sum (`(1 + z) * h_prev` for `(1 - z) * h_prev`, `(1 + lam)` for the
    mixing weight `(1 - lam)`, `1 + t ** 2` for tanh's `1 - t ** 2`): arithmetic no one writes, as `2 - beta1`."""
    while path and not isinstance(node_at(original, path), ast.BinOp):
        path = path[:-1]
    before, after = node_at(original, path), node_at(mutant, path)
    return (isinstance(before, ast.BinOp) and isinstance(after, ast.BinOp) and isinstance(before.op, ast.Sub)
            and isinstance(after.op, ast.Add) and is_number(before.left))


# Names of a step size or a velocity: a + that moves a parameter by one of them (`params[key] += self.v[key]`,
# `Q[s, a] += alpha * (target - Q[s, a])`) is an update's direction, whose flip stays an option.
STEP_NAMES = {"lr", "learning_rate", "alpha", "eta", "step_size"}


VELOCITY_NAMES = {"v", "velocity"}


def _step_factors(node):
    """The last names of node's plain factors, through sums, products, a quotient's numerator and a unary minus
    (`-self.momentum * v_prev + (1 + m) * self.v[key]` -> momentum, v_prev, m, v); a name only subscripted counts
    only as a velocity (`self.v[key]`, not CTC's `alpha[t - 1, s]`)."""
    if isinstance(node, ast.BinOp) and isinstance(node.op, (ast.Add, ast.Sub, ast.Mult)):
        return _step_factors(node.left) | _step_factors(node.right)
    if isinstance(node, ast.BinOp) and isinstance(node.op, ast.Div):
        return _step_factors(node.left)
    if isinstance(node, ast.UnaryOp):
        return _step_factors(node.operand)
    if isinstance(node, ast.Subscript):
        return _step_factors(node.value) & VELOCITY_NAMES
    if isinstance(node, (ast.Name, ast.Attribute)):
        return {node.id if isinstance(node, ast.Name) else node.attr}
    return set()


def plain_sum_flipped(original, path):
    """A + of the reference turned into a - where the term is a plain sum no one subtracts: a bias or an offset
    added (`np.dot(x, W) - self.b`, `int(...) - 1`, `x - sigma * noise`), a total, a count, a norm or a sum of
    squares accumulated (`total_norm -= np.sum(grad ** 2)`, `h -= grad * grad`), a weighted sum or a product
    rule's terms (`lam * x - (1 - lam) * x[index]`). Ruled out on sight (two re-grades, issue 16). A minus of the
    reference carries the concept and its flip stays (a gradient step's `-= lr * grad`, `x - max`, `x - mean`,
    `y - t`); so does a + in an index (`t + 1`: the next step) and a parameter moved by a step size or a velocity
    (`params[key] += self.v[key]`)."""
    if any(field == "slice" for field, _ in path):
        return False
    while path and not isinstance(node_at(original, path), (ast.BinOp, ast.AugAssign)):
        path = path[:-1]
    node = node_at(original, path)
    if not isinstance(node, (ast.BinOp, ast.AugAssign)) or not isinstance(node.op, ast.Add):
        return False
    term = node.value if isinstance(node, ast.AugAssign) else node.right
    return not _step_factors(term) & (STEP_NAMES | VELOCITY_NAMES)


# A step or a perturbation subtracted from a value: its operands swapped (`alpha * g - theta` for `theta - alpha *
# g`, `h - tmp_val` for `tmp_val - h`) negate the whole new value (the parameters become about -theta), which no
# one writes (two final re-grades, issue 16).
SMALL_STEP_NAMES = {"h", "eps", "epsilon", "delta"}


def negated_update(original, path):
    """The operands of the statement's whole value `value - step` swapped, where value is a plain name, attribute
    or element and step a product or a step name (`theta - alpha * g`, `params[key] - lr * grad`, `tmp_val - h`):
    the whole new value negated. `x - mu`, `y - t`, `x - np.max(...)` swapped stay (an order confusion)."""
    if tuple(path) != (("value", None),):
        return False
    node = node_at(original, path)
    if not (isinstance(node, ast.BinOp) and isinstance(node.op, ast.Sub) and isinstance(node.left, FACTORS)):
        return False
    step = node.right
    if isinstance(step, ast.BinOp) and isinstance(step.op, ast.Mult):
        return True
    return last_name(step) in STEP_NAMES | SMALL_STEP_NAMES


def passes_through(original, mutant):
    """A `return a + term` (a - term) cut to `return a`, where term is computed (`return dW + lam * np.sign(W)`
    -> `return dW`, `return x + sigma * noise` -> `return x`): the function hands back its input and ignores its
    other arguments, ruled out on sight (two final re-grades, issue 16). A dropped plain name stays (`return dx +
    ds` -> `return dx`: the shortcut's gradient forgotten)."""
    if not (isinstance(original, ast.Return) and isinstance(mutant, ast.Return)):
        return False
    before, after = original.value, mutant.value
    return (isinstance(before, ast.BinOp) and isinstance(before.op, (ast.Add, ast.Sub))
            and isinstance(after, ast.Name) and dump(before.left) == dump(after)
            and not isinstance(before.right, (ast.Name, ast.Attribute)))


def _twins(a, b):
    """Whether two names are one quantity at two points, numbered alike (`fxh1`, `fxh2`; `x1`, `x2`)."""
    left, right = last_name(a), last_name(b)
    return (left is not None and right is not None and left != right
            and left.rstrip("0123456789") == right.rstrip("0123456789") != left)


def _named_differences(tree, op):
    return {(dump(n.left), dump(n.right)) for n in walk(tree)
            if isinstance(n, ast.BinOp) and isinstance(n.op, op) and _twins(n.left, n.right)}


def twin_difference_summed(original, mutant):
    """A difference of one quantity at two points made a sum (`(fxh1 + fxh2) / (2 * h)` in a central difference,
    whose stem names the difference): ruled out on sight (a fifth examination, issue 16). The operands swapped
    (`fxh2 - fxh1`) stay, and so does a centring's `x + mu` (a sign slip learners make, decided earlier)."""
    return bool(_named_differences(mutant, ast.Add) & _named_differences(original, ast.Sub))


def _complement(node):
    """The weight w of a factor `(1 - w)`, w a name or an attribute, or None."""
    if (isinstance(node, ast.BinOp) and isinstance(node.op, ast.Sub) and int_value(node.left) == 1
            and isinstance(node.right, (ast.Name, ast.Attribute))):
        return dump(node.right)
    return None


def _weighted_sums(tree):
    """{dump of a sum `w * a + (1 - u) * b` (either order): whether its weights are one name (u is w)} of the
    sums whose one term has a complement weight (1 - u) and whose other term a plain name or attribute factor."""
    out = {}
    for n in walk(tree):
        if not (isinstance(n, ast.BinOp) and isinstance(n.op, (ast.Add, ast.Sub))):
            continue
        for one, other in ((n.left, n.right), (n.right, n.left)):
            complements = {c for c in map(_complement, operands(one, ast.Mult)) if c}
            plain = {dump(f) for f in operands(other, ast.Mult) if isinstance(f, (ast.Name, ast.Attribute))}
            if complements and plain and not {c for c in map(_complement, operands(other, ast.Mult)) if c}:
                out[dump(n)] = bool(complements & plain)
    return out


def mixed_complements(original, mutant):
    """A moving average or a mix `w * a + (1 - w) * b` (Adam's `beta2 * v + (1 - beta2) * g ** 2`, RMSprop's
    decay, a GRU's `(1 - z) * h_prev + z * h_hat`) whose two weights the mutant takes from two names (`beta1 * v
    + (1 - beta2) * g ** 2`, `(1 - z) * h_prev + r * h_hat`): weights that no longer sum to one, an asymmetric
    slip ruled out on sight (two examinations, issue 16). The weights swapped (`(1 - beta2) * v + beta2 * g ** 2`),
    the complement dropped (`beta2 * v + g ** 2`) and one name in both places stay."""
    before, after = _weighted_sums(original), _weighted_sums(mutant)
    return any(before.values()) and any(not same and dump not in before for dump, same in after.items())
