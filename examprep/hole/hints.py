"""Hints for one blank, from weakest to strongest: the problem's authored hints, the names the line uses,
the line's skeleton. None of them may spell out the blanked line (examprep.hole.leaks checks it)."""
import ast

from examprep.common.i18n import pick
from examprep.common import pyast

TEXT = {
    "names": {"ja": "この行で使う名前: {names}", "en": "Names this line uses: {names}"},
    "skeleton": {"ja": "形: {code}", "en": "Shape of the line: {code}"},
}
MASK = "＿"


def hints_for(problem, candidate, lang):
    """Hints from weakest to strongest: the authored ones, the names used, the line's skeleton."""
    out = [h.text[lang] for h in problem.hint_for(candidate.text)]
    try:
        tree = pyast.parse(candidate.text)
    except SyntaxError:
        return out
    names = []
    for node in ast.walk(tree):
        if isinstance(node, ast.Attribute) and _dotted(node):
            names.append(ast.unparse(node))
        elif isinstance(node, ast.Name) and node.id not in names:
            names.append(node.id)
        elif isinstance(node, ast.keyword) and node.arg:
            names.append(node.arg + "=")
    seen = []
    for n in names:
        if n not in seen and not any(n != o and o.startswith(n + ".") for o in names):
            seen.append(n)
    if seen:
        # Sorted, not in the line's order: in order, the names of a call's arguments spell out the call.
        seen.sort(key=lambda n: (n.lower().lstrip("_"), n))
        out.append(pick(TEXT["names"], lang).format(names=", ".join(seen[:12])))
    out.append(pick(TEXT["skeleton"], lang).format(code=skeleton(candidate.text)))
    return out


def _dotted(node):
    """Whether an attribute is a dotted name (self.W.T), not an attribute of a call's result."""
    while isinstance(node, ast.Attribute):
        node = node.value
    return isinstance(node, ast.Name)


class _Mask(ast.NodeTransformer):
    """Masks constants and keyword values."""

    def visit_Constant(self, node):
        return ast.Name(id=MASK, ctx=ast.Load())

    def visit_JoinedStr(self, node):
        return ast.Name(id=MASK, ctx=ast.Load())  # an f-string's parts cannot be masked one by one

    def visit_keyword(self, node):
        node.value = ast.Name(id=MASK, ctx=ast.Load())
        return node


class _MaskOperands(ast.NodeTransformer):
    """Masks the names and attributes a statement's values are computed from, keeping what is called."""

    def visit_Call(self, node):
        if not node.args and not node.keywords and isinstance(node.func, ast.Attribute):
            node.func.value = self.visit(node.func.value)  # self.y.copy() -> ＿.copy()
            return node
        node.args = [self.visit(a) for a in node.args]
        node.keywords = [self.visit(k) for k in node.keywords]
        return node  # node.func stays: the skeleton still says which function is called

    def visit_Name(self, node):
        return ast.Name(id=MASK, ctx=node.ctx)

    def visit_Attribute(self, node):
        return ast.Name(id=MASK, ctx=node.ctx)

    def visit_Constant(self, node):
        return ast.Name(id=MASK, ctx=ast.Load())


class _MaskCalled(ast.NodeTransformer):
    """Masks what a call without arguments calls: the last resort for a value with no operand to mask."""

    def visit_Call(self, node):
        self.generic_visit(node)
        node.func = ast.Name(id=MASK, ctx=ast.Load())
        return node


def skeleton(text):
    """The line with its constants and keyword values masked: `x - np.max(x, axis=＿, keepdims=＿)`.

    A statement with nothing to mask that way (`col = im2col(x, FH, FW, self.stride, self.pad)`) gets the
    operands of its value masked instead (`col = im2col(＿, ＿, ＿, ＿, ＿)`), and one with no operands either
    (`self.softmax = Softmax()`) what it calls (`self.softmax = ＿()`), so the skeleton never spells out a
    statement (for level full, each statement of the body).
    """
    try:
        tree = pyast.parse(text)
    except SyntaxError:
        return text
    original = [ast.unparse(s.value) for s in _simple_statements(tree)]
    tree = _Mask().visit(tree)
    for stmt, before in zip(_simple_statements(tree), original):
        if ast.unparse(stmt.value) == before:
            stmt.value = _MaskOperands().visit(stmt.value)
        if ast.unparse(stmt.value) == before:
            stmt.value = _MaskCalled().visit(stmt.value)   # self.softmax = Softmax() -> self.softmax = ＿()
    return ast.unparse(tree)


def _simple_statements(tree):
    return [node for node in ast.walk(tree)
            if isinstance(node, (ast.Assign, ast.AugAssign, ast.AnnAssign, ast.Return, ast.Expr))
            and node.value is not None]
