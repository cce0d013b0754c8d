"""Distractor rules on slices and indices: steps, empty or whole-axis slices, bounds from two axes (issue 16);
distractors.give_away applies them.
"""
import ast

from examprep.hole.mutation_operators import int_value


def odd_step(original, mutant):
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


def empty_slice(original, mutant):
    """A slice empty for every input (`out[f0:f0 - f, :]` for `out[f0:f0 + f, :]`, `left:left - w`,
    `corpus[w:w]`, `corpus[w + 1:w]`), which no one writes."""
    def empty(tree):
        return {ast.dump(n) for n in ast.walk(tree) if _always_empty(n)}
    return bool(empty(mutant) - empty(original))


def identity_slice(original, mutant):
    """A new slice `0:` (`ts[:, 0:]` for `ts[:, 1:]`): the whole axis, which no one writes as a slice (the slice's
    `** 1`). A step (`0::2`) keeps it a real slice, and a step dropped (`pe[:, 0:]` for `pe[:, 0::2]`) stays a
    learner's mistake."""
    def identity(tree):
        return {ast.dump(n) for n in ast.walk(tree)
                if isinstance(n, ast.Slice) and n.upper is None and n.step is None and int_value(n.lower) == 0}
    def steps(tree):
        return sum(isinstance(n, ast.Slice) and n.step is not None for n in ast.walk(tree))
    return steps(original) == steps(mutant) and bool(identity(mutant) - identity(original))


def mixed_slice(original, mutant):
    """A slice whose start is one offset and whose end another's (`img[:, top:left + size]`, `left:top + w`):
    bounds from two axes, which no one writes (final re-grades, issue 16)."""
    def mixed(tree):
        return {ast.dump(n) for n in ast.walk(tree)
                if isinstance(n, ast.Slice) and isinstance(n.lower, (ast.Name, ast.Attribute))
                and isinstance(n.upper, ast.BinOp) and isinstance(n.upper.op, ast.Add)
                and isinstance(n.upper.left, (ast.Name, ast.Attribute))
                and ast.dump(n.upper.left) != ast.dump(n.lower)}
    return bool(mixed(mutant) - mixed(original))
