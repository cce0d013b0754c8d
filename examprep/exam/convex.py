"""A convex combination asked by its weights (the tenth examination, seed 12 Q71/Q72 of main cfb07fa): mixup's
`x_mix = lam * x + (1 - lam) * x[index]` and `loss = lam * ce_a + (1 - lam) * ce_b` are one rule under different
names, c * A + (1 - c) * B, and their distractors match one for one: (1 - c, 1 - c), (c, c), the first term alone.
A key whose value is such a sum of two products (either order, any operands, the weight a factor anywhere in its
product: RMSProp's `rho * h + (1 - rho) * g * g`), with a wrong option that changes only the weights or keeps one
term, asks that fact (examprep.exam.same_fact: an exam asks it once). Not counted: a combination nested in an
expression (contrastive_loss' `np.sum(y * d ** 2 + (1 - y) * hinge ** 2) / (2 * len(d))`), one whose options change
its operands only (`lam * x + (1 - lam) * x` against `x[index]`).
"""
import ast
import functools

from examprep.exam.line_forms import full_line, squeeze, statement_value, wrong_lines


def _factors(node):
    """The squeezed factors of a product (`(1 - rho) * g * g`: `(1-rho)`, `g`, `g`; the node alone otherwise)."""
    if isinstance(node, ast.BinOp) and isinstance(node.op, ast.Mult):
        return _factors(node.left) + _factors(node.right)
    return [squeeze(ast.unparse(node))]


def _terms(value):
    """The factors of each of the two products a sum adds (`a * x + b * y`), else None."""
    if not (isinstance(value, ast.BinOp) and isinstance(value.op, ast.Add)):
        return None
    terms = _factors(value.left), _factors(value.right)
    return terms if all(len(t) >= 2 for t in terms) else None


def _weight(terms):
    """(c, 1 - c) of two products' factors where one holds c and the other 1 - c, squeezed, else None."""
    for first, second in (terms, terms[::-1]):
        for c in first:
            if f"1-{c}" in second or f"(1-{c})" in second:
                return c, f"1-{c}"
    return None


def _operands(terms, weights):
    """Each product's factors without the weights (c, 1 - c, parenthesised or not), sorted."""
    drop = set(weights) | {f"({w})" for w in weights}
    return tuple(tuple(sorted(f for f in t if f not in drop)) for t in terms)


@functools.lru_cache(maxsize=4096)
def _convex(key_line, wrong_lines):
    value = statement_value(key_line)
    terms = _terms(value) if value is not None else None
    weights = _weight(terms) if terms else None
    if weights is None:
        return False
    operands = _operands(terms, weights)
    for line in wrong_lines:
        wrong = statement_value(line)
        if wrong is None:
            continue
        theirs = _terms(wrong)
        if theirs and _operands(theirs, weights) == operands or _factors(wrong) in [list(t) for t in terms]:
            return True   # the weights changed only, or one term kept
    return False


def convex(q):
    """Whether a code question asks the weights of a convex combination (module docstring)."""
    return _convex(full_line(q, q.answer or ""), wrong_lines(q))


def convex_shown(key_line, wrong_lines, shown):
    """Whether a blank asking a convex combination's weights (as convex() does) sits in a listing that shows another
    line combining with the same weight c, c * A + (1 - c) * B: mixup's shown loss `lam * ce_a + (1 - lam) * ce_b`
    answers the blank `x_mix = lam * x + (1 - lam) * x[index]`, whose wrong options change the weights or keep one
    term (the twelfth examination, seed 13 Q35)."""
    if not _convex(key_line, tuple(wrong_lines)):
        return False
    weights = _weight(_terms(statement_value(key_line)))
    for line in shown:
        value = statement_value(line)
        terms = _terms(value) if value is not None else None
        if terms and _weight(terms) == weights and squeeze(line) != squeeze(key_line):
            return True
    return False
