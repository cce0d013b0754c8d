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


def _input_dropped(original, mutant):
    """A partner swap that drops one of the statement's inputs by using the other twice (`e * x_real + (1 - e) *
    x_real`, `self.W * self.W`, `layer.forward(x, self.h, self.h)`, `K * pred + pred`), also as the attribute and
    the argument of one name (`np.dot(x, self.mask * mask)` for `self.W * mask`): an input never used, seen at a
    glance."""
    before, after = _name_counts(_value(original)), _name_counts(_value(mutant))
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


def _empty_slice(original, mutant):
    """A slice that ends as far before its start as it should run after it (`out[f0:f0 - f, :]` for
    `out[f0:f0 + f, :]`, `left:left - w`): an empty range, which no one writes."""
    def empty(tree):
        return {ast.dump(n) for n in ast.walk(tree)
                if isinstance(n, ast.Slice) and n.lower is not None and isinstance(n.upper, ast.BinOp)
                and isinstance(n.upper.op, ast.Sub) and ast.dump(n.upper.left) == ast.dump(n.lower)}
    return bool(empty(mutant) - empty(original))


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
        text = ast.unparse(tree)
        for a, b in SQUARE_PARTNERS:
            text = re.sub(rf"\b{b}\b", a, text)
        return text
    return ast.unparse(original) != ast.unparse(mutant) and squared(original) == squared(mutant)


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
    if _odd_step(original, mutant) or _empty_slice(original, mutant) or _mixed_reductions(original, mutant):
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
