"""Choosing a blank's three distractors among its proven-wrong mutants: no give-aways, different behaviours.

A proven-wrong mutant is offered only if it reads as a mistake a learner makes (the book's other variant, a wrong
axis, a swapped partner, a sign, a missing term), never as arithmetic no one writes (issue 16). give_away() judges
each mutant by where its change sits in the reference statement's AST, not by its text.
"""
import ast
import functools
import re

from examprep.exam.code.blanks import diff_path, node_at, statement
from examprep.hole.mutation_operators import call_name, int_value, is_module_call

# The whole value replaced by its first operand (`np.sum(x * d)` -> `x * d`): a missing term or reduction, offered
# only when the three other options cannot be filled with the learner's everyday mistakes.
BLUNT_OPERATORS = {"first_operand"}
MISTAKE = "mistake"   # a problem's named classic mistake (examprep.exam.code.curated)
# Always ruled out: a perturbed float constant (an epsilon 1e-7 -> 2e-7, a β of 1.8: right on ordinary inputs or
# a changed ε), and the statement's whole value negated (`-np.sqrt(2.0 / n_in)`, `batch_size = -x.shape[0]`).
NEVER = {"float_perturbed", "negate"}
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
EDGE_CASES = ("extreme", "exactly 0", "overflow", "underflow", "±1000", "huge", "tiny", "clamped")
# Sizes that are equal on ordinary inputs (square images, kernels, pooling windows): a mutant that only swaps
# them (`im2col(x, self.pool_w, self.pool_h, ...)`, `dx.reshape(N, C, W, H)`) is right whenever the shape is square.
SQUARE_PARTNERS = [("H", "W"), ("FH", "FW"), ("out_h", "out_w"), ("filter_h", "filter_w"), ("pool_h", "pool_w"),
                   # an image's row and column coordinates and weights (upsample_bilinear, roi_align)
                   ("y0", "x0"), ("y1", "x1"), ("src_y", "src_x"), ("ly", "lx"), ("hy", "hx")]
# Hyperparameters that are often equal to a neighbouring argument (a 2x2 kernel with stride 2, stride == pad):
# moved to another argument's place they give the key's values on ordinary inputs.
HYPER_NAMES = {"stride", "pad", "padding", "dilation"}


def _is_number(node):
    if int_value(node) is not None:
        return True
    if isinstance(node, ast.UnaryOp) and isinstance(node.op, ast.USub):
        node = node.operand
    return isinstance(node, ast.Constant) and type(node.value) in (int, float)


def _change(reference, entry):
    """(original statement, mutant statement, path to the changed node) of a mutant, each parsed once, or None when
    its text does not parse."""
    try:
        original, mutant = statement(reference), statement(entry["text"])
    except (SyntaxError, KeyError):
        return None
    return original, mutant, diff_path(original, mutant)


def _nonsense_int(original, path):
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


def _nonsense_swap(node):
    """Swapped operands that no one writes: a power, a quotient, or a number moved to the other side (`1 - W`)."""
    if isinstance(node, ast.BinOp):
        return isinstance(node.op, SWAP_NONSENSE_BINOPS) or _is_number(node.left) or _is_number(node.right)
    if isinstance(node, ast.Call):
        return call_name(node) in SWAP_NONSENSE_CALLS or any(_is_number(a) for a in node.args[:2])
    return False


def _last_name(node):
    return node.id if isinstance(node, ast.Name) else node.attr if isinstance(node, ast.Attribute) else None


def _nonsense_arguments(original, mutant):
    """A number, a tuple or a stride/padding (HYPER_NAMES) moved to another argument's place: a range written
    backwards (`rng.uniform(-4, -8)`), a stride where the padding goes (`Convolution(W, b, 1, stride)`,
    `col2im(col, shape, FH, self.stride, FW, self.pad)`: right for a 2x2 kernel with stride 2), an index tuple
    where the array goes (`np.add.at((slice(None), rows), dx, ...)`)."""
    before = [n for n in ast.walk(original) if isinstance(n, ast.Call)]
    after = [n for n in ast.walk(mutant) if isinstance(n, ast.Call)]
    for a, b in zip(before, after):
        moved = [x for x, y in zip(a.args, b.args) if ast.dump(x) != ast.dump(y)]
        if any(_is_number(x) or isinstance(x, (ast.Tuple, ast.List)) or _last_name(x) in HYPER_NAMES
               for x in moved):
            return True
    return False


def _nonsense_first_operand(original):
    """The statement's value replaced by its first operand where that leaves no learner's mistake: a number, a
    comparison's left side, an object without its method call, or a product's first factor."""
    value = getattr(original, "value", None)
    if isinstance(value, ast.Compare):
        return True
    if isinstance(value, ast.BinOp):   # `dout * self.mask` -> `dout` (the mask forgotten) stays
        dropped_term = isinstance(value.op, ast.Mult) and not isinstance(value.right, FACTORS)
        return isinstance(value.op, ast.MatMult) or _is_number(value.left) or dropped_term
    if isinstance(value, ast.Call):
        name = call_name(value)
        if isinstance(value.func, ast.Attribute) and not is_module_call(value):
            return name not in DROPPABLE_CALLS
        if is_module_call(value):
            return name not in DROPPABLE_CALLS or not value.args or _is_number(value.args[0])
        # sigmoid(x) -> x (the activation forgotten) stays; a helper of several arguments dropped does not
        return name in BUILTIN_CALLS or len(value.args) != 1 or _is_number(value.args[0])
    if isinstance(value, ast.Subscript):   # `layer.grads[0]` -> `layer.grads`: a list where its array goes
        return int_value(value.slice) is not None
    return False


def _cancels(node):
    """a - a, a / a, or a - (a - b) (which is b): written by no one."""
    if not isinstance(node, ast.BinOp):
        return False
    if isinstance(node.op, (ast.Sub, ast.Div, ast.FloorDiv)) and ast.dump(node.left) == ast.dump(node.right):
        return True
    inner = node.right
    return (isinstance(node.op, ast.Sub) and isinstance(inner, ast.BinOp) and isinstance(inner.op, ast.Sub)
            and ast.dump(inner.left) == ast.dump(node.left))


def _self_cancelling(original, mutant):
    """Arithmetic that cancels, which the reference did not have: `np.mean(d_fake) - np.mean(d_fake)` or
    `1 - (1 - lam)`, from a partner swap."""
    def cancelling(tree):
        return {ast.dump(n) for n in ast.walk(tree) if _cancels(n)}
    return bool(cancelling(mutant) - cancelling(original))


def _value(node):
    """The value a statement computes (an assignment's right side), else the statement."""
    return getattr(node, "value", None) or node


def _name_counts(node):
    """How often each name or attribute chain (`x`, `self.W`, `pred.ravel`) occurs in node."""
    counts = {}
    for n in ast.walk(node):
        if isinstance(n, ast.Attribute):
            base = n
            while isinstance(base, ast.Attribute):
                base = base.value
            if not isinstance(base, ast.Name):
                continue
        elif not isinstance(n, ast.Name):
            continue
        text = ast.unparse(n)
        counts[text] = counts.get(text, 0) + 1
    # a chain counts once, not also as its prefixes (`self.W` is not also a `self`)
    own = {text: n - sum(m for other, m in counts.items() if other.startswith(text + "."))
           for text, n in counts.items()}
    return {text: n for text, n in own.items() if n > 0}


def _by_last_name(counts):
    """Name counts keyed by the chain's last name (`self.mask` and `mask` both count as `mask`)."""
    out = {}
    for text, n in counts.items():
        out[text.split(".")[-1]] = out.get(text.split(".")[-1], 0) + n
    return out


def _inputs(node):
    """What a statement reads: an assignment's right side and its targets' indices (`out[:, top:top + h] = v`
    reads top, h and v), else the statement."""
    targets = getattr(node, "targets", None) or ([node.target] if isinstance(node, (ast.AugAssign, ast.AnnAssign))
                                                 else [])
    indices = [n.slice for t in targets for n in ast.walk(t) if isinstance(n, ast.Subscript)]
    return ast.Tuple(elts=[_value(node)] + indices, ctx=ast.Load()) if indices else _value(node)


def _input_dropped(original, mutant):
    """A partner swap that drops one of the statement's inputs by using the other twice (`e * x_real + (1 - e) *
    x_real`, `self.W * self.W`, `layer.forward(x, self.h, self.h)`, `K * pred + pred`), also as the attribute and
    the argument of one name (`np.dot(x, self.mask * mask)` for `self.W * mask`), also in an assigned index
    (`out[:, top:top + w, left:left + w] = v` for `top + h`): an input never used, seen at a glance."""
    before, after = _name_counts(_inputs(original)), _name_counts(_inputs(mutant))
    if not any(name not in after for name in before):
        return False
    return any(any(n >= 2 and n > old.get(name, 0) for name, n in new.items())
               for old, new in ((before, after), (_by_last_name(before), _by_last_name(after))))


def _self_assignment(node):
    """`returns = returns` (the subtraction of a baseline dropped): a statement that does nothing."""
    return (isinstance(node, ast.Assign) and len(node.targets) == 1
            and ast.dump(node.targets[0]).replace("Store", "Load") == ast.dump(node.value))


def _epsilon_sign(original, path):
    """A sign flipped next to a tiny constant (`np.log(probs - 1e-12)` for `+ 1e-12`): a changed ε, right on every
    input without an exact zero."""
    while path:
        node = node_at(original, path)
        if isinstance(node, ast.BinOp):
            return any(isinstance(x, ast.Constant) and type(x.value) is float and 0 < abs(x.value) < 1e-3
                       for x in (node.left, node.right))
        path = path[:-1]
    return False


def _odd_step(original, mutant):
    """A slice step that no one writes: 0 (a ValueError), or a new step other than ±1 (`pe[:, 1::3]` for `1::2`,
    `[:, ::-2]` for `[:, ::-1]`). Dropping the step (`pe[:, 0:]`) stays a mistake learners make."""
    def steps(tree):
        return {int_value(n.step) for n in ast.walk(tree) if isinstance(n, ast.Slice) and n.step is not None}
    new = steps(mutant) - steps(original)
    return any(k is not None and abs(k) != 1 for k in new)


def _offset(node):
    """(dump of the base, constant offset) of a slice bound `e`, `e + k`, `k + e` or `e - k`."""
    if isinstance(node, ast.BinOp) and isinstance(node.op, (ast.Add, ast.Sub)):
        if int_value(node.right) is not None:
            k = int_value(node.right)
            return ast.dump(node.left), k if isinstance(node.op, ast.Add) else -k
        if isinstance(node.op, ast.Add) and int_value(node.left) is not None:
            return ast.dump(node.right), int_value(node.left)
    return ast.dump(node), 0


def _always_empty(n):
    """Whether a slice is empty for every input: it ends as far before its start as it should run after it
    (`f0:f0 - f`), or its end is its start or before it by a constant (`w:w`, `w + 1:w`)."""
    if not isinstance(n, ast.Slice) or n.lower is None or n.upper is None or n.step is not None:
        return False
    if isinstance(n.upper, ast.BinOp) and isinstance(n.upper.op, ast.Sub) and ast.dump(n.upper.left) == ast.dump(n.lower):
        return True
    (low, a), (up, b) = _offset(n.lower), _offset(n.upper)
    return low == up and b <= a


def _empty_slice(original, mutant):
    """A slice empty for every input (`out[f0:f0 - f, :]` for `out[f0:f0 + f, :]`, `left:left - w`,
    `corpus[w:w]`, `corpus[w + 1:w]`), which no one writes."""
    def empty(tree):
        return {ast.dump(n) for n in ast.walk(tree) if _always_empty(n)}
    return bool(empty(mutant) - empty(original))


def _identity_slice(original, mutant):
    """A new slice `0:` (`ts[:, 0:]` for `ts[:, 1:]`): the whole axis, which no one writes as a slice (the slice's
    `** 1`). A step (`0::2`) keeps it a real slice, and a step dropped (`pe[:, 0:]` for `pe[:, 0::2]`) stays a
    learner's mistake."""
    def identity(tree):
        return {ast.dump(n) for n in ast.walk(tree)
                if isinstance(n, ast.Slice) and n.upper is None and n.step is None and int_value(n.lower) == 0}
    def steps(tree):
        return sum(isinstance(n, ast.Slice) and n.step is not None for n in ast.walk(tree))
    return steps(original) == steps(mutant) and bool(identity(mutant) - identity(original))


def _width_summed(original, mutant):
    """A width that normalises turned into a sum of two positions (`(freqs - left) / (center + left)` for
    `/ (center - left)`, `(x - lo) / (hi + lo)`): the denominator, a difference sharing a position with the
    numerator's difference, made a sum. Ruled out on sight (final re-grade 3)."""
    def widths(tree):
        out = set()
        for n in ast.walk(tree):
            if not (isinstance(n, ast.BinOp) and isinstance(n.op, ast.Div) and isinstance(n.left, ast.BinOp)
                    and isinstance(n.left.op, ast.Sub) and isinstance(n.right, ast.BinOp)):
                continue
            num = {ast.dump(x) for x in (n.left.left, n.left.right) if not _is_number(x)}
            den = [x for x in (n.right.left, n.right.right) if not _is_number(x)]
            if len(den) == 2 and num & {ast.dump(x) for x in den}:
                out.add((ast.dump(n.left), tuple(sorted(ast.dump(x) for x in den)), type(n.right.op).__name__))
        return out
    before, after = widths(original), widths(mutant)
    return any(op == "Add" and (num, den, "Sub") in before for num, den, op in after - before)


def _state_renamed(original, mutant):
    """A recurrence (a statement reading its own target: `self.m[key] = beta1 * self.m[key] + ...`) made one that
    does not by a renamed name of the same form: stored under its partner's name (`self.v[key] = beta1 *
    self.m[key] + ...`: m never updated) or fed from it (`self.v[key] = beta2 * self.m[key] + ...`: a moving
    average of nothing). Ruled out on sight by the form `x = b * x + (1 - b) * g` (final re-grade 3)."""
    if not (isinstance(original, ast.Assign) and isinstance(mutant, ast.Assign)
            and len(original.targets) == len(mutant.targets) == 1):
        return False
    def reads_target(node):
        return ast.dump(node.targets[0]).replace("Store", "Load") in {ast.dump(n) for n in ast.walk(node.value)}
    def form(node):
        return [type(n).__name__ for n in ast.walk(node.value)]
    return reads_target(original) and not reads_target(mutant) and form(original) == form(mutant)


REDUCTIONS = {"sum", "mean", "nansum", "nanmean"}


def _mixed_reductions(original, mutant):
    """The two reductions of a sum or difference made different (`np.mean(d_fake) - np.sum(d_real)` for
    `np.mean(d_fake) - np.mean(d_real)`): a mean and a sum on one scale, ruled out on sight."""
    def mixed(tree):
        return {ast.dump(n) for n in ast.walk(tree)
                if isinstance(n, ast.BinOp) and isinstance(n.op, (ast.Add, ast.Sub))
                and all(isinstance(x, ast.Call) and call_name(x) in REDUCTIONS for x in (n.left, n.right))
                and call_name(n.left) != call_name(n.right)}
    return bool(mixed(mutant) - mixed(original))


def _complement_flipped(original, mutant, path):
    """A number's complement turned into a sum (`(1 + z) * h_prev` for `(1 - z) * h_prev`, `(1 + lam)` for the
    mixing weight `(1 - lam)`, `1 + t ** 2` for tanh's `1 - t ** 2`): arithmetic no one writes, as `2 - beta1`."""
    while path and not isinstance(node_at(original, path), ast.BinOp):
        path = path[:-1]
    before, after = node_at(original, path), node_at(mutant, path)
    return (isinstance(before, ast.BinOp) and isinstance(after, ast.BinOp) and isinstance(before.op, ast.Sub)
            and isinstance(after.op, ast.Add) and _is_number(before.left))


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


def _plain_sum_flipped(original, path):
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


def _right_when_square(original, mutant):
    """Whether the mutant differs from the reference only by swapping sizes that are equal on square inputs
    (SQUARE_PARTNERS): right on ordinary inputs, wrong only on a non-square test case."""
    def squared(tree):
        text = re.sub(r"\b[A-Za-z_]\w*\b", lambda m: _height_name(m.group(0)), ast.unparse(tree))
        for a, b in SQUARE_PARTNERS:
            text = re.sub(rf"\b{b}\b", a, text)
        return text
    return ast.unparse(original) != ast.unparse(mutant) and squared(original) == squared(mutant)


# The width part of an image or kernel size's name and its height part: a name made of parts (`FW_d`, `W_out`)
# whose width part turns into the height part names the same size on a square image or kernel. Lower-case parts
# are left to SQUARE_PARTNERS (`out_h`, `pool_h`): a RoI's `bin_h` / `bin_w` or a box's `h` / `w` are equal only
# for a square box, which the cases and the data rarely are (a decision, issue 16).
WIDTH_PARTS = {"W": "H", "FW": "FH", "KW": "KH"}


def _height_name(name):
    """name with its width parts written as height parts (`FW_d` -> `FH_d`, `W_out` -> `H_out`), the dilated
    kernel's `FH_d` / `FW_d` being square partners like `FH` / `FW` (the friendly-input check, issue 16)."""
    return "_".join(WIDTH_PARTS.get(p, p) for p in name.split("_"))


def _repeated_axes(original, mutant):
    """An axis named twice where the reference names each once (`np.rot90(x, k, axes=(-2, -2))`, `x.transpose(0, 2,
    2, 1)`, `np.sum(d, axis=(0, 0))`): a ValueError seen at a glance, not a learner's mistake; or a transpose that
    keeps every axis in place (`x.transpose(0, 1, 2, 3)`), which no one writes."""
    def repeated(tree):
        out = set()
        for node in ast.walk(tree):
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
                    out.add(ast.dump(node))
        return out
    return bool(repeated(mutant) - repeated(original))


# A step or a perturbation subtracted from a value: its operands swapped (`alpha * g - theta` for `theta - alpha *
# g`, `h - tmp_val` for `tmp_val - h`) negate the whole new value (the parameters become about -theta), which no
# one writes (two final re-grades, issue 16).
SMALL_STEP_NAMES = {"h", "eps", "epsilon", "delta"}


def _negated_update(original, path):
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
    return _last_name(step) in STEP_NAMES | SMALL_STEP_NAMES


def _passes_through(original, mutant):
    """A `return a + term` (a - term) cut to `return a`, where term is computed (`return dW + lam * np.sign(W)`
    -> `return dW`, `return x + sigma * noise` -> `return x`): the function hands back its input and ignores its
    other arguments, ruled out on sight (two final re-grades, issue 16). A dropped plain name stays (`return dx +
    ds` -> `return dx`: the shortcut's gradient forgotten)."""
    if not (isinstance(original, ast.Return) and isinstance(mutant, ast.Return)):
        return False
    before, after = original.value, mutant.value
    return (isinstance(before, ast.BinOp) and isinstance(before.op, (ast.Add, ast.Sub))
            and isinstance(after, ast.Name) and ast.dump(before.left) == ast.dump(after)
            and not isinstance(before.right, (ast.Name, ast.Attribute)))


def _calls(tree, name=None):
    return [n for n in ast.walk(tree) if isinstance(n, ast.Call) and (name is None or call_name(n) == name)]


# NumPy functions whose first argument is the array and whose others are not (a count, an axis, a shape): an
# argument swap that moves the array (`np.rot90(k, x, axes=(-2, -1))`) is a call no one writes.
ARRAY_FIRST = {"rot90", "flip", "roll", "repeat", "tile", "pad", "expand_dims", "squeeze", "moveaxis", "swapaxes",
               "reshape", "transpose", "broadcast_to", "split", "array_split", "take"}


def _odd_argument_swap(original, mutant):
    """An argument swap that the statement itself shows wrong or that no one writes: one of two calls of the same
    function in the statement swapped (`lam * ce(y, t_a) + (1 - lam) * ce(t_b, y)`: the other call shows the
    order), or the array of an ARRAY_FIRST NumPy function moved (`np.rot90(k, x)`) (final re-grades, issue 16)."""
    for a, b in zip(_calls(original), _calls(mutant)):
        if ast.dump(a) == ast.dump(b):
            continue
        name = call_name(a)
        if len(_calls(original, name)) >= 2:
            return True
        if is_module_call(a) and name in ARRAY_FIRST and a.args and b.args \
                and ast.dump(a.args[0]) != ast.dump(b.args[0]):
            return True
    return False


def _mixed_slice(original, mutant):
    """A slice whose start is one offset and whose end another's (`img[:, top:left + size]`, `left:top + w`):
    bounds from two axes, which no one writes (final re-grades, issue 16)."""
    def mixed(tree):
        return {ast.dump(n) for n in ast.walk(tree)
                if isinstance(n, ast.Slice) and isinstance(n.lower, (ast.Name, ast.Attribute))
                and isinstance(n.upper, ast.BinOp) and isinstance(n.upper.op, ast.Add)
                and isinstance(n.upper.left, (ast.Name, ast.Attribute))
                and ast.dump(n.upper.left) != ast.dump(n.lower)}
    return bool(mixed(mutant) - mixed(original))


# Functions that act on an image's plane, named by an axes keyword: without it they act on the first two axes,
# which is right for an (H, W, C) image. The listing (docstrings removed) does not say the layout, so dropping the
# keyword is a second defensible answer (photometric_aug's np.rot90(x, k), a final re-grade, issue 16).
PLANE_CALLS = {"rot90"}


def _default_plane(original, mutant):
    def keywords(tree):
        return {ast.dump(n.func): {k.arg for k in n.keywords} for n in _calls(tree) if call_name(n) in PLANE_CALLS}
    before, after = keywords(original), keywords(mutant)
    return any("axes" in kw and "axes" not in after.get(func, {"axes"}) for func, kw in before.items())


def _reshapes(tree):
    return [n for n in _calls(tree, "reshape") if isinstance(n.func, ast.Attribute)]


def _broadcast_reshape(original, mutant):
    """A reshape that inserts a 1 (`h.reshape(N, 1, H)`) turned into one that puts the 1s first (`h.reshape(1, N,
    H)`): the same array under broadcasting as no reshape at all (`h`), so it is that mistake twice, and a reader
    who knows broadcasting drops both (a final re-grade, issue 16)."""
    def ones_stripped(call, leading_only):
        args = [ast.dump(a) for a in call.args]
        one = ast.dump(ast.Constant(1))
        if leading_only:
            while args and args[0] == one:
                args = args[1:]
            return args
        return [a for a in args if a != one]
    for a, b in zip(_reshapes(original), _reshapes(mutant)):
        if ast.dump(a) == ast.dump(b) or len(a.args) != len(b.args):
            continue
        if int_value(b.args[0]) == 1 and ones_stripped(b, True) == ones_stripped(a, False) \
                and all(int_value(x) != 1 for x in ones_stripped(b, True)):
            return True
    return False


def _reshape_sizes_only(original, mutant, message):
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


@functools.lru_cache(maxsize=1)
def _reference_signatures():
    """{name: (fewest, most) positional arguments} of the reference package's top-level functions and classes
    (a class by its __init__ less self), read from the sources without importing them; a name defined twice
    differently is left out."""
    import importlib.util
    from pathlib import Path

    spec = importlib.util.find_spec("reference")
    found = {}
    for folder in (spec.submodule_search_locations or []) if spec else []:
        for path in sorted(Path(folder).glob("*.py")):
            try:
                tree = ast.parse(path.read_text(encoding="utf-8"))
            except (OSError, SyntaxError, ValueError):
                continue
            for node in tree.body:
                fn, skip = node, 0
                if isinstance(node, ast.ClassDef):
                    fn = next((n for n in node.body if isinstance(n, ast.FunctionDef) and n.name == "__init__"), None)
                    skip = 1
                if not isinstance(fn, ast.FunctionDef) or fn.args.vararg is not None:
                    continue
                n = len(fn.args.posonlyargs) + len(fn.args.args) - skip
                arity = (n - len(fn.args.defaults), n)
                found[node.name] = arity if found.get(node.name, arity) == arity else None
    return {k: v for k, v in found.items() if v is not None}


def _wrong_arity(original, mutant):
    """A call renamed to another function of the reference that takes other arguments (`col2im(dout, FH, FW,
    self.stride, self.pad)` for `im2col(dout, FH, FW, self.stride, self.pad)`: col2im's shape argument missing):
    the one function's arguments passed to the other, seen at a glance (a final re-grade, issue 16)."""
    signatures = _reference_signatures()
    for a, b in zip(_calls(original), _calls(mutant)):
        if not (isinstance(a.func, ast.Name) and isinstance(b.func, ast.Name)) or a.func.id == b.func.id:
            continue
        if a.func.id in signatures and b.func.id in signatures and signatures[a.func.id] != signatures[b.func.id]:
            return True
    return False


def _transposed_axes(tree):
    """[(call dump, axes)] of the `.transpose(...)` / `np.transpose(x, (...))` calls with integer axes."""
    out = []
    for n in _calls(tree, "transpose"):
        args = n.args[1:] if is_module_call(n) else n.args
        if len(args) == 1 and isinstance(args[0], (ast.Tuple, ast.List)):
            args = args[0].elts
        axes = [int_value(a) for a in args]
        if axes and None not in axes:
            out.append(axes)
    return out


def _batch_axis_moved(original, mutant):
    """A transpose that keeps axis 0 first (the batch: `dout.transpose(0, 2, 3, 1)`) turned into one that moves it
    (`dout.transpose(2, 0, 3, 1)`, `x.transpose(2, 0, 1, 3)`): on a batch of one the data is the key's, and what
    follows reshapes it, so the option is right for a single example; no one moves the batch axis (kind 3 of the
    final re-grades: options graded on friendly inputs, issue 16)."""
    return any(a and b and a[0] == 0 and b[0] != 0 and len(a) == len(b)
               for a, b in zip(_transposed_axes(original), _transposed_axes(mutant)))


def _suffix(node):
    name = _last_name(node)
    return name.rsplit("_", 1)[1] if name and "_" in name.strip("_") else None


INPUT_NAMES, LABEL_NAMES = {"X", "x"}, {"y", "t", "labels"}


def _mixed_pair(original, mutant):
    """A call given a data set's inputs and labels by one suffix (`mse_grad(theta_i, X_q, y_q)`: the query set)
    with one of them from another set (`mse_grad(theta_i, X_q, y_s)`): inputs of one set against labels of another,
    a loss no one writes (maml_step, a final re-grade, issue 16). Other roles stay (`np.dot(x_q, W_k)` for
    `np.dot(x_q, W_q)`: the key's projection for the query's, a learner's mistake)."""
    def base(node):
        name = _last_name(node)
        return name.rsplit("_", 1)[0] if name and "_" in name.strip("_") else None
    for a, b in zip(_calls(original), _calls(mutant)):
        if len(a.args) != len(b.args):
            continue
        for suffix in {x for x in map(_suffix, a.args) if x}:
            group = [i for i, x in enumerate(a.args) if _suffix(x) == suffix]
            bases = {base(a.args[i]) for i in group}
            if bases & INPUT_NAMES and bases & LABEL_NAMES and any(_suffix(b.args[i]) != suffix for i in group) \
                    and any(_suffix(b.args[i]) == suffix for i in group):
                return True   # the set split: some of its arguments now from another one
    return False


def give_away(entry, fill, reference):
    """Whether a proven-wrong mutant is still not a fair exam distractor: ruled out on sight (nonsense arithmetic,
    an attribute the class does not have) or right on ordinary inputs (wrong only on an edge case).

    entry: the mutant's proof entry (operator, text, verdict); fill: its option text; reference: the reference
    statement the mutant changes (its text, any indentation).
    """
    verdict = entry.get("verdict") or {}
    # Another legitimate convention (a problem's `conventions:`, e.g. the mean over steps of a loss the drill sums)
    # is a second defensible answer: the listing does not say which convention it follows.
    if verdict.get("check") == "convention":
        return True
    # An attribute the class does not have, or an element its list or shape does not have (`layer.grads[1]` of a
    # layer with one parameter, `dhs.shape[3]` of a 3-d array).
    message = (verdict.get("en") or "") + (verdict.get("what") or "")
    if "AttributeError" in message or "list index out of range" in message or "tuple index out of range" in message:
        return True
    # An index shifted past the array's end (`alpha[T + 1, S - 1]` of a (T, S) array): ruled out on sight.
    if entry["operator"] in ("flip_sign", "int_off_by_one") and "out of bounds" in message:
        return True
    if any(word in (verdict.get("case") or "").lower() for word in EDGE_CASES):
        return True
    if verdict.get("check") == "exception" and "reshape" in entry.get("text", ""):
        change = _change(reference, entry)
        if change is not None and _reshape_sizes_only(change[0], change[1], message):
            return True
    return give_away_whatever_verdict(entry, reference)


def give_away_whatever_verdict(entry, reference):
    """give_away's judgement of the mutant's text alone (its operator and where its change sits), which no verdict
    can change: such a mutant is never shown, so the exam's proofs do not grade it (proof.prove)."""
    return _judged_on_text(entry["operator"], entry.get("text"), reference)


@functools.lru_cache(maxsize=8192)
def _judged_on_text(operator, text, reference):
    """give_away_whatever_verdict of (operator, mutant text, reference text): the proofs and the exam's picks ask
    about the same mutants, each parse costing a millisecond."""
    entry = {"operator": operator} if text is None else {"operator": operator, "text": text}
    if operator in NEVER:
        return True
    change = _change(reference, entry)
    if change is None:
        return False
    original, mutant, path = change
    if _self_cancelling(original, mutant) or _self_assignment(mutant):
        return True
    if operator == "partner_name" and _input_dropped(original, mutant):
        return True
    if operator == "flip_sign" and (_epsilon_sign(original, path) or _complement_flipped(original, mutant, path)
                                    or _plain_sum_flipped(original, path)):
        return True
    if _right_when_square(original, mutant) or _repeated_axes(original, mutant):
        return True
    if _passes_through(original, mutant) or _mixed_slice(original, mutant) or _default_plane(original, mutant):
        return True
    if _broadcast_reshape(original, mutant) or (operator == "partner_name" and _wrong_arity(original, mutant)):
        return True
    if _batch_axis_moved(original, mutant) or (operator == "partner_name" and _mixed_pair(original, mutant)):
        return True
    if operator == "swap_operands" and _negated_update(original, path):
        return True
    if operator == "swap_arguments" and _odd_argument_swap(original, mutant):
        return True
    if _odd_step(original, mutant) or _empty_slice(original, mutant) or _mixed_reductions(original, mutant):
        return True
    if _identity_slice(original, mutant) or _width_summed(original, mutant) or _state_renamed(original, mutant):
        return True
    if operator == "int_off_by_one":
        return _nonsense_int(original, path)
    if operator == "swap_operands":
        return _nonsense_swap(node_at(original, path))
    if operator == "swap_arguments":
        return _nonsense_arguments(original, mutant)
    if operator == "first_operand":
        return _nonsense_first_operand(original)
    return False


def cannot_fill(entries, reference, count=3):
    """Whether a line's mutants cannot give `count` distractors whatever the grader says of them: fewer than
    `count` different texts are left once give_away_whatever_verdict is applied (pick_distractors wants `count`
    different option texts, and two mutants of one text give one option)."""
    return len({e["text"] for e in entries if not give_away_whatever_verdict(e, reference)}) < count


def pick_distractors(pairs, rng, reference, count=3):
    """Up to count (entry, text) pairs with different texts and verdicts, none a give-away.

    reference: the statement the mutants change. Mutations a learner actually makes (axis, keepdims, transpose,
    sign, sum/mean ...) come before the blunt ones (a missing term: the value replaced by its first operand), and
    different operators before repeats.
    """
    pairs = [(entry, fill) for entry, fill in pairs if not give_away(entry, fill, reference)]
    rng.shuffle(pairs)
    pairs.sort(key=lambda pair: pair[0]["operator"] != MISTAKE)   # a named classic mistake first (exam.code.curated)
    chosen, texts, signatures, operators = [], set(), set(), set()
    for allow_blunt, prefer_new_operator in ((False, True), (False, False), (True, True), (True, False)):
        for entry, fill in pairs:
            if len(chosen) == count:
                return chosen
            norm = " ".join(fill.split())
            if norm in texts or entry["signature"] in signatures:
                continue
            if entry["operator"] in BLUNT_OPERATORS and not allow_blunt:
                continue
            # Each named mistake counts as an operator of its own: all of them before the mechanical ones.
            kind = (entry["operator"], norm) if entry["operator"] == MISTAKE else entry["operator"]
            if prefer_new_operator and kind in operators:
                continue
            chosen.append((entry, fill))
            texts.add(norm)
            signatures.add(entry["signature"])
            operators.add(kind)
    return chosen
