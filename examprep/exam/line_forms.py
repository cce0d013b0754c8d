"""The forms of a listing line that the give-away and repeat rules compare (examprep.exam.giveaways, partners,
same_call, inferred, counterparts, same_fact, code_walk), one helper each: the text squeezed, its one statement
(memoised) and value, the names a statement defines and reads, the blank's line with a fill, and its names numbered
by first appearance."""
import ast
import textwrap

LEAK_MIN = 8   # answers shorter than this (a name, `dout`) are common words, not give-aways


def squeeze(text):
    """The text without any whitespace (listings and answers are compared so)."""
    return "".join(text.split())


def shown_lines(code):
    """The lines of a listing that it shows whole: not empty, no blank in them."""
    return [line for line in code.split("\n") if line.strip() and "＿＿" not in line]


_STATEMENTS = {}   # text -> its one statement or None; shared, so never changed in place (copy.deepcopy first)
STATEMENTS_MOST = 50000


def one_statement(text):
    """The one statement of a text, or None (several statements, or a text that does not parse).

    Memoised: the give-away and repeat rules read the same listing lines over and over (~150,000 reads in a cold
    mock exam), and one tree per text lets rule_nodes' memoised walk and dump hit. The tree is shared: a rule that
    rewrites it works on a copy (same_fact.renamed_shape)."""
    if text in _STATEMENTS:
        return _STATEMENTS[text]
    try:
        body = ast.parse(textwrap.dedent(text).strip()).body
    except SyntaxError:
        body = ()
    if len(_STATEMENTS) >= STATEMENTS_MOST:
        _STATEMENTS.clear()
    stmt = _STATEMENTS[text] = body[0] if len(body) == 1 else None
    return stmt


def defined_names(tree):
    """The names a statement or listing defines (assignment targets, parameters, imports) and the `self` attributes
    it assigns, as "self.x"."""
    out = set()
    for node in ast.walk(tree) if tree is not None else ():
        if isinstance(node, (ast.Import, ast.ImportFrom)):
            out |= {(a.asname or a.name).split(".")[0] for a in node.names}
        elif isinstance(node, ast.arg):
            out.add(node.arg)
        elif isinstance(node, ast.Name) and not isinstance(node.ctx, ast.Load):
            out.add(node.id)
        elif _self_attribute(node) and not isinstance(node.ctx, ast.Load):
            out.add("self." + node.attr)
    return out


def read_names(tree):
    """The names a statement or listing reads, and the `self` attributes it reads as "self.x"."""
    return {node.id if isinstance(node, ast.Name) else "self." + node.attr
            for node in (ast.walk(tree) if tree is not None else ())
            if (isinstance(node, ast.Name) or _self_attribute(node)) and isinstance(node.ctx, ast.Load)}


def _self_attribute(node):
    return isinstance(node, ast.Attribute) and isinstance(node.value, ast.Name) and node.value.id == "self"


def statement_value(text):
    """The value of a text that is one assignment, augmented assignment, return or expression, else None."""
    stmt = one_statement(text)
    return stmt.value if isinstance(stmt, (ast.Assign, ast.AugAssign, ast.Return, ast.Expr)) else None


def transpose_axes(call):
    """The constant axes of a `.transpose(0, 2, 3, 1)` (or `.transpose((0, 2, 3, 1))`) call, or None for any
    other call or node."""
    if not (isinstance(call, ast.Call) and isinstance(call.func, ast.Attribute) and call.func.attr == "transpose"):
        return None
    args = call.args[0].elts if len(call.args) == 1 and isinstance(call.args[0], ast.Tuple) else call.args
    if not args or not all(isinstance(a, ast.Constant) and isinstance(a.value, int) for a in args):
        return None
    axes = tuple(a.value for a in args)
    return axes if sorted(axes) == list(range(len(axes))) else None


def inverted(axes):
    """The permutation that undoes `axes` (`(0, 2, 3, 1)` -> `(0, 3, 1, 2)`)."""
    return tuple(sorted(range(len(axes)), key=axes.__getitem__))


def full_line(q, fill):
    """A code question's blanked line with `fill` in its blank (the fill itself for a question without one)."""
    blank = q.blank or {}
    return blank.get("template", "").replace(blank.get("marker", "\0"), fill) if blank else fill


def wrong_lines(q):
    """The blank's line with each wrong option in it (full_line), in the options' order."""
    return tuple(full_line(q, o.text) for o in getattr(q, "options", None) or [] if not o.correct)


class Numbered(ast.NodeTransformer):
    """Every name and attribute renamed by order of first appearance, but NumPy's and the called functions' names
    (`sigmoid(f)` and `sigmoid(i)` are one shape, `sigmoid(x)` and `relu(x)` two); `self.x` is a name as x is. With
    `numbers`, every number masked (a negative one too); with `indices`, every index masked (lstm_cell's gate slices
    `A[:, :H]` and `A[:, H:2*H]` are one shape). `names` maps each name to its number."""

    def __init__(self, numbers=False, indices=False):
        self.names = {}
        self.numbers = numbers
        self.indices = indices

    def _name(self, name):
        return self.names.setdefault(name, f"_{len(self.names)}")

    def visit_Call(self, node):
        func = node.func
        if isinstance(func, ast.Attribute):
            node.func = ast.Attribute(self.visit(func.value), func.attr, func.ctx)
        node.args = [self.visit(a) for a in node.args]
        node.keywords = [self.visit(k) for k in node.keywords]
        return node

    def visit_Subscript(self, node):
        if not self.indices:
            return self.generic_visit(node)
        return ast.Subscript(self.visit(node.value), ast.Name("_index", ast.Load()), node.ctx)

    def visit_Name(self, node):
        return ast.Name(self._name(node.id) if node.id != "np" else "np", node.ctx)

    def visit_Attribute(self, node):
        if isinstance(node.value, ast.Name) and node.value.id == "self":
            return ast.Name(self._name(ast.unparse(node)), node.ctx)
        node = self.generic_visit(node)
        if not (isinstance(node.value, ast.Name) and node.value.id == "np"):
            node.attr = self._name(node.attr)
        return node

    def visit_Constant(self, node):
        if self.numbers and isinstance(node.value, (int, float)) and not isinstance(node.value, bool):
            return ast.Constant("#")
        return node

    def visit_UnaryOp(self, node):
        if self.numbers and isinstance(node.op, ast.USub) and isinstance(node.operand, ast.Constant):
            return self.visit_Constant(node.operand)
        return self.generic_visit(node)
