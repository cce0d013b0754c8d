"""Distractor rules on calls and their arguments: arguments moved or swapped, inputs dropped or mixed, keywords
dropped, a function renamed to one of another signature (issue 16); distractors.give_away applies them.
"""
import ast
import functools

from examprep.exam.code.rule_nodes import calls, dump, is_number, last_name, walk
from examprep.hole.mutation_operators import call_name, is_module_call


# Hyperparameters that are often equal to a neighbouring argument (a 2x2 kernel with stride 2, stride == pad):
# moved to another argument's place they give the key's values on ordinary inputs.
HYPER_NAMES = {"stride", "pad", "padding", "dilation"}


def nonsense_arguments(original, mutant):
    """A number, a tuple or a stride/padding (HYPER_NAMES) moved to another argument's place: a range written
    backwards (`rng.uniform(-4, -8)`), a stride where the padding goes (`Convolution(W, b, 1, stride)`,
    `col2im(col, shape, FH, self.stride, FW, self.pad)`: right for a 2x2 kernel with stride 2), an index tuple
    where the array goes (`np.add.at((slice(None), rows), dx, ...)`); or np.where's condition swapped with a
    branch (`np.where(self.diff / self.beta, np.sign(self.diff), np.abs(self.diff) < self.beta)`, smooth_l1: a
    float as the condition no one writes; the two branches swapped stay, a classic mistake)."""
    before = [n for n in walk(original) if isinstance(n, ast.Call)]
    after = [n for n in walk(mutant) if isinstance(n, ast.Call)]
    for a, b in zip(before, after):
        if (call_name(a) == "where" and len(a.args) == 3 and len(b.args) == 3
                and isinstance(a.args[0], (ast.Compare, ast.BoolOp)) and dump(a.args[0]) != dump(b.args[0])):
            return True
        moved = [x for x, y in zip(a.args, b.args) if dump(x) != dump(y)]
        if any(is_number(x) or isinstance(x, (ast.Tuple, ast.List)) or last_name(x) in HYPER_NAMES
               for x in moved):
            return True
    return False


def _value(node):
    """The value a statement computes (an assignment's right side), else the statement."""
    return getattr(node, "value", None) or node


def _name_counts(node):
    """How often each name or attribute chain (`x`, `self.W`, `pred.ravel`) occurs in node."""
    counts = {}
    for n in walk(node):
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
    indices = [n.slice for t in targets for n in walk(t) if isinstance(n, ast.Subscript)]
    return ast.Tuple(elts=[_value(node)] + indices, ctx=ast.Load()) if indices else _value(node)


def input_dropped(original, mutant):
    """A partner swap that drops one of the statement's inputs by using the other twice (`e * x_real + (1 - e) *
    x_real`, `self.W * self.W`, `layer.forward(x, self.h, self.h)`, `K * pred + pred`), also as the attribute and
    the argument of one name (`np.dot(x, self.mask * mask)` for `self.W * mask`), also in an assigned index
    (`out[:, top:top + w, left:left + w] = v` for `top + h`): an input never used, seen at a glance."""
    before, after = _name_counts(_inputs(original)), _name_counts(_inputs(mutant))
    if not any(name not in after for name in before):
        return False
    return any(any(n >= 2 and n > old.get(name, 0) for name, n in new.items())
               for old, new in ((before, after), (_by_last_name(before), _by_last_name(after))))


# NumPy functions whose first argument is the array and whose others are not (a count, an axis, a shape): an
# argument swap that moves the array (`np.rot90(k, x, axes=(-2, -1))`) is a call no one writes.
ARRAY_FIRST = {"rot90", "flip", "roll", "repeat", "tile", "pad", "expand_dims", "squeeze", "moveaxis", "swapaxes",
               "reshape", "transpose", "broadcast_to", "split", "array_split", "take"}


def odd_argument_swap(original, mutant):
    """An argument swap that the statement itself shows wrong or that no one writes: one of two calls of the same
    function in the statement swapped (`lam * ce(y, t_a) + (1 - lam) * ce(t_b, y)`: the other call shows the
    order), or the array of an ARRAY_FIRST NumPy function moved (`np.rot90(k, x)`) (final re-grades, issue 16)."""
    for a, b in zip(calls(original), calls(mutant)):
        if dump(a) == dump(b):
            continue
        name = call_name(a)
        if len(calls(original, name)) >= 2:
            return True
        if is_module_call(a) and name in ARRAY_FIRST and a.args and b.args \
                and dump(a.args[0]) != dump(b.args[0]):
            return True
    return False


# Functions that act on an image's plane, named by an axes keyword: without it they act on the first two axes,
# which is right for an (H, W, C) image. The listing (docstrings removed) does not say the layout, so dropping the
# keyword is a second defensible answer (photometric_aug's np.rot90(x, k), a final re-grade, issue 16).
PLANE_CALLS = {"rot90"}


def default_plane(original, mutant):
    def keywords(tree):
        return {dump(n.func): {k.arg for k in n.keywords} for n in calls(tree) if call_name(n) in PLANE_CALLS}
    before, after = keywords(original), keywords(mutant)
    return any("axes" in kw and "axes" not in after.get(func, {"axes"}) for func, kw in before.items())


@functools.lru_cache(maxsize=1)
def _reference_trees():
    """The parsed modules of the reference package, read from the sources without importing them."""
    import importlib.util
    from pathlib import Path

    spec = importlib.util.find_spec("reference")
    trees = []
    for folder in (spec.submodule_search_locations or []) if spec else []:
        for path in sorted(Path(folder).glob("*.py")):
            try:
                trees.append(ast.parse(path.read_text(encoding="utf-8")))
            except (OSError, SyntaxError, ValueError):
                continue
    return tuple(trees)


def _arity(fn, skip):
    """(fewest, most) positional arguments of a function, less `skip` leading ones (self), or None with *args."""
    if not isinstance(fn, ast.FunctionDef) or fn.args.vararg is not None:
        return None
    n = len(fn.args.posonlyargs) + len(fn.args.args) - skip
    return n - len(fn.args.defaults), n


@functools.lru_cache(maxsize=1)
def reference_signatures():
    """{name: (fewest, most) positional arguments} of the reference package's top-level functions and classes
    (a class by its __init__ less self), read from the sources without importing them; a name defined twice
    differently is left out."""
    found = {}
    for tree in _reference_trees():
        for node in tree.body:
            fn, skip = node, 0
            if isinstance(node, ast.ClassDef):
                fn = next((n for n in node.body if isinstance(n, ast.FunctionDef) and n.name == "__init__"), None)
                skip = 1
            arity = _arity(fn, skip)
            if arity is not None:
                found[node.name] = arity if found.get(node.name, arity) == arity else None
    return {k: v for k, v in found.items() if v is not None}


@functools.lru_cache(maxsize=1)
def _reference_parameters():
    """{name: {(fewest arguments, positional parameter names)}} of every function and method of the reference
    package (methods less self)."""
    found = {}
    for tree in _reference_trees():
        for node in tree.body:
            methods = [(n, 1) for n in node.body] if isinstance(node, ast.ClassDef) else [(node, 0)]
            for fn, skip in methods:
                arity = _arity(fn, skip)
                if arity is not None:
                    names = tuple(a.arg for a in (fn.args.posonlyargs + fn.args.args)[skip:])
                    found.setdefault(fn.name, set()).add((arity[0], names))
    return found


def optional_moved(original, mutant):
    """An optional argument moved between required ones (`self.attention.forward(Q, K, mask, V)` for `forward(Q,
    K, V, mask)`, defined as `forward(self, Q, K, V, mask=None)`): a keyword argument passed in a required one's
    place, which no one writes (a fourth examination, issue 16). Judged on the reference's definitions of the
    call's name that take its number of arguments, those whose parameters the key's arguments name when there are
    such; any of them without a default at the moved places keeps the option."""
    for a, b in zip(calls(original), calls(mutant)):
        moved = [i for i, (x, y) in enumerate(zip(a.args, b.args)) if dump(x) != dump(y)]
        if len(a.args) != len(b.args) or len(moved) != 2 or call_name(a) != call_name(b):
            continue
        fits = [(low, names) for low, names in _reference_parameters().get(call_name(a), ())
                if low <= len(a.args) <= len(names)]
        named = [(low, names) for low, names in fits
                 if all(last_name(x) == p for x, p in zip(a.args, names) if last_name(x) is not None)]
        fits = named or fits
        if fits and all((moved[0] < low) != (moved[1] < low) for low, _ in fits):
            return True
    return False


MAX_REDUCTIONS = {"max": "min", "argmax": "argmin", "amax": "amin", "nanmax": "nanmin", "nanargmax": "nanargmin"}


def min_for_max(original, mutant):
    """A NumPy maximum over an axis (`np.max(col, axis=1)`, `np.argmax(col, axis=1)`, `x.max()`) turned into the
    minimum: in max pooling, a greedy action or a one-hot label's class a minimum is no learner's mistake, the
    reduction being what the layer is named for (a fourth examination, issue 16); max against argmax stays, and so
    do the element-wise np.maximum / np.minimum (an intersection's corners) and a key's minimum turned into a
    maximum (a distance read as a similarity)."""
    for a, b in zip(calls(original), calls(mutant)):
        if isinstance(a.func, ast.Attribute) and MAX_REDUCTIONS.get(call_name(a)) == call_name(b):   # np.max, x.max
            return True
    return False


def wrong_arity(original, mutant):
    """A call renamed to another function of the reference that takes other arguments (`col2im(dout, FH, FW,
    self.stride, self.pad)` for `im2col(dout, FH, FW, self.stride, self.pad)`: col2im's shape argument missing):
    the one function's arguments passed to the other, seen at a glance (a final re-grade, issue 16)."""
    signatures = reference_signatures()
    for a, b in zip(calls(original), calls(mutant)):
        if not (isinstance(a.func, ast.Name) and isinstance(b.func, ast.Name)) or a.func.id == b.func.id:
            continue
        if a.func.id in signatures and b.func.id in signatures and signatures[a.func.id] != signatures[b.func.id]:
            return True
    return False


def _suffix(node):
    name = last_name(node)
    return name.rsplit("_", 1)[1] if name and "_" in name.strip("_") else None


INPUT_NAMES, LABEL_NAMES = {"X", "x"}, {"y", "t", "labels"}


def mixed_pair(original, mutant):
    """A call given a data set's inputs and labels by one suffix (`mse_grad(theta_i, X_q, y_q)`: the query set)
    with one of them from another set (`mse_grad(theta_i, X_q, y_s)`): inputs of one set against labels of another,
    a loss no one writes (maml_step, a final re-grade, issue 16). Other roles stay (`np.dot(x_q, W_k)` for
    `np.dot(x_q, W_q)`: the key's projection for the query's, a learner's mistake)."""
    def base(node):
        name = last_name(node)
        return name.rsplit("_", 1)[0] if name and "_" in name.strip("_") else None
    for a, b in zip(calls(original), calls(mutant)):
        if len(a.args) != len(b.args):
            continue
        for suffix in {x for x in map(_suffix, a.args) if x}:
            group = [i for i, x in enumerate(a.args) if _suffix(x) == suffix]
            bases = {base(a.args[i]) for i in group}
            if bases & INPUT_NAMES and bases & LABEL_NAMES and any(_suffix(b.args[i]) != suffix for i in group) \
                    and any(_suffix(b.args[i]) == suffix for i in group):
                return True   # the set split: some of its arguments now from another one
    return False


def _constant(node):
    """A number or an infinity (`-np.inf`, `np.inf`, `np.nan`), maybe negated: no array."""
    if isinstance(node, ast.UnaryOp) and isinstance(node.op, (ast.USub, ast.UAdd)):
        node = node.operand
    return is_number(node) or (isinstance(node, ast.Attribute) and node.attr in ("inf", "nan"))


def constant_condition(original, mutant):
    """`np.where`'s condition made a constant (`np.where(-np.inf, logits < kth, logits)` for `np.where(logits <
    kth, -np.inf, logits)`): a number as the mask, an argument-order slip ruled out on sight (a fifth examination,
    issue 16). The branches swapped (`np.where(mask, logits, -np.inf)`) and the comparison flipped stay."""
    def constant(tree):
        return {dump(c) for c in calls(tree, "where") if c.args and _constant(c.args[0])}
    return bool(constant(mutant) - constant(original))
