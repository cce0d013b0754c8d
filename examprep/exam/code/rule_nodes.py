"""Small AST readings the distractor rules share (examprep.exam.code.distractors and its *_rules modules), and
examprep.exam.inferred."""
import ast

from examprep.hole.mutation_operators import call_name, int_value


_WALKED = {}     # id(tree) -> (tree, its nodes): the tree is kept, so its id is not reused while memoised
_DUMPED = {}     # id(node) -> (node, ast.dump(node))
MEMO_MOST = 50000


def walk(tree):
    """list(ast.walk(tree)), memoised: the give-away rules read the same parsed statements dozens of times (a cold
    mock exam judged ~9,000 mutants, a fifth of its time in ast.walk and ast.dump). The trees are never changed in
    place once parsed (a rule that rewrites one works on a copy)."""
    hit = _WALKED.get(id(tree))
    if hit is None or hit[0] is not tree:
        if len(_WALKED) >= MEMO_MOST:
            _WALKED.clear()
        hit = _WALKED[id(tree)] = (tree, list(ast.walk(tree)))
    return hit[1]


def dump(node):
    """ast.dump(node), memoised as walk is."""
    hit = _DUMPED.get(id(node))
    if hit is None or hit[0] is not node:
        if len(_DUMPED) >= MEMO_MOST:
            _DUMPED.clear()
        hit = _DUMPED[id(node)] = (node, ast.dump(node))
    return hit[1]


def is_number(node):
    if int_value(node) is not None:
        return True
    if isinstance(node, ast.UnaryOp) and isinstance(node.op, ast.USub):
        node = node.operand
    return isinstance(node, ast.Constant) and type(node.value) in (int, float)


def last_name(node):
    return node.id if isinstance(node, ast.Name) else node.attr if isinstance(node, ast.Attribute) else None


def calls(tree, name=None):
    return [n for n in walk(tree) if isinstance(n, ast.Call) and (name is None or call_name(n) == name)]


def operands(node, op):
    """The operands of a chain of one binary operator (`a * b * c` for ast.Mult: a, b, c), or [node]."""
    if isinstance(node, ast.BinOp) and isinstance(node.op, op):
        return operands(node.left, op) + operands(node.right, op)
    return [node]
