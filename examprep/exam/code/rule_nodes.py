"""Small AST readings the distractor rules share (examprep.exam.code.distractors and its *_rules modules), and
examprep.exam.inferred."""
import ast

from examprep.hole.mutation_operators import call_name, int_value


def is_number(node):
    if int_value(node) is not None:
        return True
    if isinstance(node, ast.UnaryOp) and isinstance(node.op, ast.USub):
        node = node.operand
    return isinstance(node, ast.Constant) and type(node.value) in (int, float)


def last_name(node):
    return node.id if isinstance(node, ast.Name) else node.attr if isinstance(node, ast.Attribute) else None


def calls(tree, name=None):
    return [n for n in ast.walk(tree) if isinstance(n, ast.Call) and (name is None or call_name(n) == name)]


def operands(node, op):
    """The operands of a chain of one binary operator (`a * b * c` for ast.Mult: a, b, c), or [node]."""
    if isinstance(node, ast.BinOp) and isinstance(node.op, op):
        return operands(node.left, op) + operands(node.right, op)
    return [node]
