"""The facts of a code question whose wrong options change a reduction (examprep.exam.same_fact: an exam asks
each once), and a gradient sum another set's listing shows (gradient_sum_shown, a give-away across listings).

A reduction the options change is the innermost reduction call (np.sum(a, ...), a.sum(...); likewise mean, max,
...) on the way to where a wrong option differs from the key, in the value or nested in it (depthwise_conv's
`np.sum(self.col * dout[:, :, np.newaxis], axis=0).reshape(C, 1, FH, FW)`, layernorm's `dxn - np.mean(dxn,
axis=-1, keepdims=True) - ...`). Over a constant axis, it asks (function, axis, forward or backward: whether a
sum's summand reads a gradient) when the option changes the axis or
keepdims of an array (`np.sum(dt, axis=0)` against `np.sum(dt)`) or makes a sum a mean or a mean a sum of anything
(layernorm's `np.mean(x, axis=-1, keepdims=True)` and `np.mean(xc ** 2, axis=-1, keepdims=True)`, one fact: the
ninth examination, seed 13 Q34/Q36). "Sum, not mean" is asked in three kinds, each one fact whatever the axes and
the summand (the ninth examination: 6-7 such blanks an exam, one option grid {sum, mean} x {axis, none}):
- BATCH_SUM, a parameter's gradient summed over the batch (rows) axis 0, alone or with others: a line assigning a
  gradient (`db`, `self.dgamma`, `self.dW`) the sum, or the sum reshaped, of the upstream gradient as an array
  (`dt`, `dout.reshape(-1, D)`) or of a product with it (`self.xn * dout`, `self.col * dout[:, :, np.newaxis]`):
  rnn_cell's db, conv2d_naive's db over (0, 2, 3), group_norm's dgamma, depthwise_conv's dW, pointwise_conv's db;
- COPIES_SUM, the gradient of a repeat or broadcast summed over its copies: a gradient assigned a sum of a
  gradient over other axes than the batch's, against its mean (upsample's `dout.reshape(N, C, H_out // s, s,
  W_out // s, s).sum(axis=(3, 5))`, attention_weight's `dh = np.sum(dhr, axis=1)`);
- PRODUCT_SUM, a weighted sum (a dot product) is an elementwise product summed over an axis, in a forward line,
  against its mean: depthwise_conv's `np.sum(col * col_W, axis=2)`, attention_weight's `np.sum(t, axis=2)` with
  `t = hs * ar` shown above it.
Not counted: a sum of a gradient expression that is no product (`np.sum(dout - dmu, axis=0)`), a sum over no axis
(cross_entropy's `-np.sum(...) / batch_size`), a sum whose options change only its operand or drop its axis
(ordinal_encoding's `np.sum(p > 0.5, axis=1)`), and (function, axis) of a sum nested in an expression whose
options make it a mean only (contrastive_loss' `np.sqrt(np.sum(diff ** 2, axis=1))` is a distance, no fact of
attention_weight's `dh = np.sum(dhr, axis=1)`).
"""
import ast
import functools
import re

from examprep.exam.code.blanks import diff_path, node_at
from examprep.exam.code.rule_nodes import per_node
from examprep.exam.inferred import TWIN_RULES_OUT
from examprep.exam.line_forms import full_line, one_statement, shown_lines, squeeze, statement_value, wrong_lines

_REDUCTIONS = {"sum", "mean", "max", "min", "prod", "std", "var"}
_GRADIENT = re.compile(r"(?:self\.)?d[A-Za-z]\w*")   # dout, dt, db, self.dgamma: a gradient's name
BATCH_SUM = ("sum", "over the batch axis")   # the parameter-gradient fact, whatever other axes it sums
COPIES_SUM = ("sum", "over the copies")   # the gradient of a repeat or broadcast
PRODUCT_SUM = ("sum", "of a product")   # a weighted sum, forward
_LAYOUT = {"reshape", "transpose", "T"}   # an array's layout changed, not its values


@per_node
def _reduction_call(value):
    """(function, operand, axis, keepdims) of a value that is one reduction (`np.sum(dt, axis=0)`,
    `(dout * self.xn).reshape(-1, D).sum(axis=0)`; keywords axis and keepdims only), squeezed, else None."""
    if not isinstance(value, ast.Call) or not isinstance(value.func, ast.Attribute) or \
            value.func.attr not in _REDUCTIONS or any(k.arg not in ("axis", "keepdims") for k in value.keywords):
        return None
    operand = _operand(value)
    if operand is None or isinstance(operand, ast.Name) and operand.id in ("np", "self"):
        return None
    keywords = {k.arg: squeeze(ast.unparse(k.value)) for k in value.keywords}
    return value.func.attr, squeeze(ast.unparse(operand)), keywords.get("axis"), keywords.get("keepdims")


def _operand(call):
    """The array a reduction call reduces (`dt` of `np.sum(dt, axis=0)` and of `dt.sum(axis=0)`), else None."""
    on_numpy = isinstance(call.func.value, ast.Name) and call.func.value.id == "np"
    return call.args[0] if on_numpy and len(call.args) == 1 else call.func.value if not call.args else None


def _gradient_names(node):
    return any(isinstance(n, (ast.Name, ast.Attribute)) and _GRADIENT.fullmatch(ast.unparse(n)) for n in ast.walk(node))


def _gradient_array(node):
    """Whether a node is a gradient array, maybe indexed or with its layout changed (`dt`, `dout[:, :,
    np.newaxis]`, `dout.reshape(-1, D)`), not an expression of it (`dout - dmu`)."""
    while True:
        if isinstance(node, ast.Subscript) or isinstance(node, ast.Attribute) and node.attr == "T":
            node = node.value
        elif isinstance(node, ast.Call) and isinstance(node.func, ast.Attribute) and node.func.attr in _LAYOUT:
            node = node.func.value
        else:
            return isinstance(node, (ast.Name, ast.Attribute)) and _GRADIENT.fullmatch(ast.unparse(node)) is not None


def _gradient_summand(operand):
    """Whether a summed operand is the upstream gradient (_gradient_array) or a product with it (`self.xn * dout`,
    `(dout * self.xn).reshape(-1, D)`): a bias's or a scale's gradient summed over the batch."""
    return _gradient_array(operand) or any(
        isinstance(n, ast.BinOp) and isinstance(n.op, ast.Mult) and (_gradient_names(n.left) or _gradient_names(n.right))
        for n in ast.walk(operand))


def _is_value(stmt, node):
    """Whether a node is a statement's value or the array a chain of method calls that is the value begins with
    (`np.sum(...)` of `np.sum(...).reshape(C, 1, FH, FW)`)."""
    value = getattr(stmt, "value", None)
    while value is not node and isinstance(value, ast.Call) and isinstance(value.func, ast.Attribute):
        value = value.func.value
    return value is node


def gradient_target(stmt):
    """Whether a statement assigns a gradient (`db`, `self.dW`, `self.dW[g * Fg:(g + 1) * Fg]`)."""
    targets = stmt.targets if isinstance(stmt, ast.Assign) else [stmt.target] if isinstance(stmt, ast.AugAssign) \
        else []
    if len(targets) != 1:
        return False
    target = targets[0].value if isinstance(targets[0], ast.Subscript) else targets[0]
    return _GRADIENT.fullmatch(ast.unparse(target)) is not None


def _asked_reduction(key, wrong):
    """(the key's reduction call, the wrong option's there) innermost on the way to where they differ, or None."""
    path = diff_path(key, wrong)
    for i in range(len(path), -1, -1):
        node = node_at(key, path[:i])
        if _reduction_call(node) is not None:
            return node, node_at(wrong, path[:i])
    return None


@functools.lru_cache(maxsize=4096)
def reduction_facts(key_line, wrong_lines, products=frozenset()):
    """The facts of a key whose wrong options change a reduction over a constant axis (module docstring):
    (function, axis, "forward" or "backward"), and BATCH_SUM, COPIES_SUM or PRODUCT_SUM for a sum. `products`: the names the listing
    assigns an elementwise product (attention_weight's `t = hs * ar`)."""
    key = one_statement(key_line)
    facts = set()
    for line in wrong_lines:
        wrong = one_statement(line)
        asked = _asked_reduction(key, wrong) if key is not None and wrong is not None else None
        if asked is None:
            continue
        node, other = asked
        (name, operand, axis, keepdims), theirs = _reduction_call(node), _reduction_call(other)
        if axis is None or theirs is None:
            continue
        on_array = re.fullmatch(r"[A-Za-z_][\w.]*", operand) is not None   # a name or attribute, not an expression
        swapped = {name, theirs[0]} == {"sum", "mean"}
        if not (on_array and (theirs[2], theirs[3]) != (axis, keepdims) or swapped):
            continue
        summand = _operand(node)   # the node: a squeezed comprehension (`[aforainb]`) would not parse again
        if _is_value(key, node) or on_array and (theirs[2], theirs[3]) != (axis, keepdims):
            # not a sum nested in an expression (contrastive_loss' distance) alone; a forward sum is no gradient's
            facts.add((name, axis, "backward" if _gradient_names(summand) or name != "sum" else "forward"))
        if name != "sum" or re.search(r"[A-Za-z_]", axis):
            continue
        whole = _is_value(key, node) and gradient_target(key)
        if whole and (axis == "0" or axis.startswith("(0,")) and _gradient_summand(summand):
            facts.add(BATCH_SUM)
        elif whole and swapped and _gradient_names(summand):
            facts.add(COPIES_SUM)
        elif swapped and not _gradient_names(summand) and \
                (isinstance(summand, ast.BinOp) and isinstance(summand.op, ast.Mult) or operand in products):
            facts.add(PRODUCT_SUM)
    return frozenset(facts)


@functools.lru_cache(maxsize=512)
def _products(code):
    """The names a listing's shown lines assign an elementwise product (`t = hs * ar`)."""
    out = set()
    for line in shown_lines(code):
        stmt = one_statement(line.strip())
        if isinstance(stmt, ast.Assign) and len(stmt.targets) == 1 and isinstance(stmt.targets[0], ast.Name) and \
                isinstance(stmt.value, ast.BinOp) and isinstance(stmt.value.op, ast.Mult):
            out.add(stmt.targets[0].id)
    return frozenset(out)


def question_facts(q):
    """A code question's reduction facts (reduction_facts)."""
    return reduction_facts(full_line(q, q.answer or ""), wrong_lines(q), _products(getattr(q, "code", None) or ""))


def _summed(value):
    """The array a chain of method calls begins with (`np.sum(...)` of `np.sum(...).reshape(C, 1, FH, FW)`), or the
    value itself."""
    while isinstance(value, ast.Call) and isinstance(value.func, ast.Attribute) and _reduction_call(value) is None \
            and value.func.attr in _LAYOUT:
        value = value.func.value
    return value


@functools.lru_cache(maxsize=8192)
def _gradient_sum(line):
    """The squeezed axis of a line that assigns a gradient (`db`, `self.dgamma`) one sum, or one sum reshaped
    (depthwise_conv's `self.dW = np.sum(self.col * dout[:, :, np.newaxis], axis=0).reshape(C, 1, FH, FW)`), over
    constant axes, of something that reads a gradient (`dt`, `self.xn * dout`), else None."""
    stmt = one_statement(line)
    call = _reduction_call(_summed(stmt.value)) if stmt is not None and gradient_target(stmt) else None
    if call is None or call[0] != "sum" or call[2] is None or not _gradient_names(stmt.value) or \
            re.search(r"[A-Za-z_]", call[2]):
        return None
    return call[2]


def gradient_sum_shown(q, codes):
    """Whether a listing of `codes` (another set's) shows a gradient summed over the axes a blank sums a gradient
    over, where TWIN_RULES_OUT of its wrong options make the sum a mean or change its axes (reduction_facts):
    transposed_conv's `self.db = np.sum(dout, axis=(0, 2, 3))` beside group_norm's blank `self.dgamma =
    np.sum(self.xn * dout, axis=(0, 2, 3))` (the eighth examination, seed 11 Q43/Q74 of main 538b1bb: "sum over
    the batch and spatial axes" read off the other listing), pointwise_conv's `self.db = np.sum(dout, axis=0)`
    beside depthwise_conv's blank dW summed over axis 0 and reshaped (the ninth examination, seed 11 Q25 of main
    d1a12f0: depthwise's own db line hidden for it, shown in three other listings). Sums of gradients only:
    another listing's forward reductions (ensemble_vote's argmax over classes) tell nothing of a blank."""
    key = full_line(q, q.answer or "")
    axis = _gradient_sum(key.strip())
    if axis is None or ("sum", axis, "backward") not in reduction_facts(key, wrong_lines(q)):
        return False
    # TWIN_RULES_OUT wrong options or more sum the key's array otherwise (a mean, other axes, none), so the shown
    # sum rules them out
    call = _reduction_call(_summed(statement_value(key)))
    wrongs = [_reduction_call(_summed(statement_value(line))) for line in wrong_lines(q)]
    ruled_out = sum(wrong is not None and wrong[1] == call[1] and wrong != call for wrong in wrongs)
    if ruled_out >= TWIN_RULES_OUT and any(axis in _shown_gradient_sums(code) for code in codes):
        return True
    # the same gradient summed over other axes in another layout (conv2d_naive's `self.db = np.sum(dout, axis=(0, 2,
    # 3))` beside grouped_conv's and dilated_conv's blank `self.db = np.sum(dout, axis=0)` on im2col's rows: the
    # seventeenth examination, seed 11 Q63, and the sixteenth's seed 12 Q36) shows "a sum, not a mean": its means
    # are ruled out
    means = sum(wrong is not None and wrong[1] == call[1] and wrong[0] == "mean" for wrong in wrongs)
    target = _target_and_operand(key.strip())
    return means >= TWIN_RULES_OUT and any(target in _shown_target_sums(code) for code in codes)


def _target_and_operand(line):
    """(target, summed operand), squeezed, of a line that assigns a gradient one sum (_gradient_sum), else None."""
    if _gradient_sum(line) is None:
        return None
    stmt = one_statement(line)
    return squeeze(ast.unparse(stmt.targets[0] if isinstance(stmt, ast.Assign) else stmt.target)), \
        _reduction_call(_summed(stmt.value))[1]


@functools.lru_cache(maxsize=512)
def _shown_target_sums(code):
    """The (target, operand) of the gradient sums a listing shows (_target_and_operand), its blanked lines aside."""
    return frozenset(_target_and_operand(line.strip()) for line in shown_lines(code)) - {None}


@functools.lru_cache(maxsize=512)
def _shown_gradient_sums(code):
    """The axes of the gradient sums (_gradient_sum) a listing shows, its blanked lines aside."""
    return frozenset(_gradient_sum(line.strip()) for line in shown_lines(code)) - {None}


SUM_MEAN_MOST = 2   # blanks an exam asks whose options swap sum and mean, whatever the kind (seen.Seen)


@functools.lru_cache(maxsize=4096)
def _swaps_sum_mean(key_line, wrong_lines):
    """Whether a wrong option makes the reduction it changes (innermost on the way to where it differs from the
    key) a mean where the key sums, or a sum where it means, whatever else it changes."""
    key = one_statement(key_line)
    for line in wrong_lines:
        wrong = one_statement(line)
        asked = _asked_reduction(key, wrong) if key is not None and wrong is not None else None
        theirs = _reduction_call(asked[1]) if asked is not None else None
        if theirs is not None and {_reduction_call(asked[0])[0], theirs[0]} == {"sum", "mean"}:
            return True
    return False


def swaps_sum_mean(q):
    """Whether a code question's options hold a sum/mean swap (_swaps_sum_mean), whatever their operator label
    (upsample's `.mean(axis=(3, 5))` is a curated `mistake`): once the shape-only distractors are ruled out, such
    a blank asks "sum or mean" (the tenth examination, seed 12 Q31/Q38/Q44/Q87 of main cfb07fa), so an exam asks
    at most SUM_MEAN_MOST of them and a set one (same_fact.renamed_twins)."""
    return _swaps_sum_mean(full_line(q, q.answer or ""), wrong_lines(q))
