"""Small AST readings the distractor rules share (examprep.exam.code.distractors and its *_rules modules), and
examprep.exam.inferred."""
import ast

from examprep.hole.mutation_operators import call_name, int_value


MEMO_MOST = 50000


def per_node(function):
    """A one-argument function of an AST node, memoised by the node's identity: the give-away rules read the same
    parsed statements dozens of times (line_forms.one_statement hands out one tree per text). The node is kept
    with its result, so its id is not reused while memoised; the trees are never changed in place once parsed (a
    rule that rewrites one works on a copy)."""
    memo = {}

    def memoised(node):
        hit = memo.get(id(node))
        if hit is None or hit[0] is not node:
            if len(memo) >= MEMO_MOST:
                memo.clear()
            hit = memo[id(node)] = (node, function(node))
        return hit[1]

    memoised.__doc__ = function.__doc__
    return memoised


@per_node
def walk(tree):
    """list(ast.walk(tree)), memoised (a cold mock exam judged ~9,000 mutants, a fifth of its time in ast.walk and
    ast.dump)."""
    return list(ast.walk(tree))


@per_node
def dump(node):
    """ast.dump(node), memoised."""
    return ast.dump(node)


@per_node
def unparse(node):
    """ast.unparse(node), memoised."""
    return ast.unparse(node)


@per_node
def dumps_within(node):
    """The dumps of every node in a tree (its own included), as a set, memoised."""
    return frozenset(dump(n) for n in walk(node))


def same(a, b):
    """ast.dump(a) == ast.dump(b), without writing either out: equal node types and fields, leaves by their repr
    (1 and 1.0 differ, as in a dump). Stops at the first difference."""
    if a is b:
        return True
    if type(a) is not type(b):
        return False
    if isinstance(a, ast.AST):
        return all(same(getattr(a, f, None), getattr(b, f, None)) for f in a._fields)
    if isinstance(a, list):
        return len(a) == len(b) and all(map(same, a, b))
    return repr(a) == repr(b)


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
