"""Candidate statements of a problem's reference: what a hole may blank (examprep.hole.holes uses them).

candidates(): statements inside the targets' bodies that compute something (an assignment, return or call whose
value involves a call, an operator or an index; not `self.x = x`, not `return out`, not docstrings), numbered in
source order; method_bodies() for the `full` level; removal_variant(): the reference with one candidate replaced by
`pass` (the load-bearing proof grades it). CANDIDATE_RULES numbers the rules: hole files name candidates by index.
"""
import ast
import functools
import textwrap
from dataclasses import dataclass

from examprep.common import pyast
from examprep.problem import source

COMPUTING = (ast.Call, ast.BinOp, ast.UnaryOp, ast.Compare, ast.BoolOp, ast.Subscript, ast.IfExp,
             ast.ListComp, ast.DictComp, ast.SetComp, ast.GeneratorExp)


@dataclass(frozen=True)
class Candidate:
    index: int        # position among all candidates of the problem
    target: str       # the target (and method) it belongs to: "Convolution.forward"
    start: int        # first line in the reference answer text (1-based)
    end: int          # last line (inclusive)
    indent: str
    text: str         # the statement's source, dedented
    lhs: str          # what stays visible in the hole: "col = ", "return ", "params[key] -= " or ""


def _is_self_attribute(node):
    return isinstance(node, ast.Attribute) and isinstance(node.value, ast.Name) and node.value.id == "self"


def _blankable(stmt, in_init):
    """Whether a statement may be offered as a blank (before the load-bearing proof).

    Yes for statements that compute something (an assignment, return or call whose
    value involves a call, an operator or an index, or an augmented assignment), for
    writes into part of an array (`dx[self.mask] = 0`), for numeric settings outside
    __init__ (`h = 1e-4`), and for what forward keeps for backward (`self.out = out`).
    No for docstrings, `return out`, `x = y` and __init__'s plain attribute set-up.
    """
    if isinstance(stmt, ast.AugAssign):
        return True
    value = getattr(stmt, "value", None)
    if not isinstance(stmt, (ast.Assign, ast.AnnAssign, ast.Return, ast.Expr)) or value is None:
        return False
    if isinstance(stmt, ast.Expr) and isinstance(value, ast.Constant):
        return False  # a docstring
    if any(isinstance(node, COMPUTING) for node in ast.walk(value)):
        return True
    targets = stmt.targets if isinstance(stmt, ast.Assign) else [getattr(stmt, "target", None)]
    if any(isinstance(t, ast.Subscript) for t in targets):
        return True
    if in_init:
        return False
    if isinstance(value, ast.Constant) and isinstance(value.value, (int, float)) and not isinstance(value.value, bool):
        return True
    return any(_is_self_attribute(t) for t in targets) and isinstance(value, (ast.Name, ast.Attribute))


def _lhs(stmt, lines):
    """The part of the statement left visible in front of the blank.

    Nothing for an indexed write or a plain copy (`self.out = out`): with its left side
    shown such a blank would answer itself.
    """
    first = lines[stmt.lineno - 1]
    targets = stmt.targets if isinstance(stmt, ast.Assign) else [getattr(stmt, "target", None)]
    if isinstance(stmt, ast.Assign) and (any(isinstance(t, ast.Subscript) for t in targets)
                                         or isinstance(stmt.value, (ast.Name, ast.Attribute))):
        return ""
    if isinstance(stmt, (ast.Assign, ast.AugAssign, ast.AnnAssign)) and stmt.value.lineno == stmt.lineno:
        # The value's column is inside any parentheses around it: `mask = (x <= 0)` keeps `mask = `.
        return first[stmt.col_offset:stmt.value.col_offset].rstrip("( \t") + " "
    if isinstance(stmt, ast.Return):
        return "return "
    return ""


def _bodies(node, prefix):
    """(qualified name, statement list) for a function, or for each method of a class."""
    if isinstance(node, ast.FunctionDef):
        yield prefix, node.body
    elif isinstance(node, ast.ClassDef):
        for item in node.body:
            if isinstance(item, ast.FunctionDef):
                yield f"{prefix}.{item.name}", item.body


def _walk(stmts):
    for stmt in stmts:
        if isinstance(stmt, (ast.For, ast.While, ast.If, ast.With)):
            yield from _walk(stmt.body)
            yield from _walk(stmt.orelse if hasattr(stmt, "orelse") else [])
        else:
            yield stmt


def _target_nodes(problem, text, names=None):
    tree = pyast.parse(text)
    names = [t.name for t in problem.targets] if names is None else names
    return [n for n in tree.body if isinstance(n, (ast.FunctionDef, ast.ClassDef)) and n.name in names]


def candidates(problem):
    """The blankable statements of the problem's reference (Candidate, frozen), in source order."""
    return list(_candidates(source.reference_answer(problem), tuple(t.name for t in problem.targets)))


@functools.lru_cache(maxsize=512)
def _candidates(text, names):
    """candidates() of a reference text, once a process (a mock exam asks ~70 times)."""
    lines = text.splitlines()
    out = []
    for node in _target_nodes(None, text, names):
        for qualname, body in _bodies(node, node.name):
            for stmt in _walk(body):
                if not _blankable(stmt, qualname.endswith(".__init__")):
                    continue
                indent = lines[stmt.lineno - 1][:stmt.col_offset]
                stmt_text = textwrap.dedent("\n".join(lines[stmt.lineno - 1:stmt.end_lineno]))
                out.append(Candidate(len(out), qualname, stmt.lineno, stmt.end_lineno, indent, stmt_text,
                                     _lhs(stmt, lines)))
    return tuple(out)


def method_bodies(problem):
    """For level `full`: one pseudo-candidate per function or method body (docstring kept)."""
    text = source.reference_answer(problem)
    lines = text.splitlines()
    out = []
    for node in _target_nodes(problem, text):
        for qualname, body in _bodies(node, node.name):
            if qualname.endswith(".__init__"):
                continue
            stmts = body[1:] if (isinstance(body[0], ast.Expr) and isinstance(body[0].value, ast.Constant)) else body
            if not stmts:
                continue
            indent = lines[stmts[0].lineno - 1][:stmts[0].col_offset]
            body_text = textwrap.dedent("\n".join(lines[stmts[0].lineno - 1:stmts[-1].end_lineno]))
            out.append(Candidate(len(out), qualname, stmts[0].lineno, stmts[-1].end_lineno, indent, body_text, ""))
    return out


def replace_lines(text, replacements):
    """text with line ranges replaced: replacements is [(start, end, new_text_lines), ...]."""
    lines = text.splitlines()
    for start, end, new in sorted(replacements, key=lambda r: -r[0]):
        lines[start - 1:end] = new
    return "\n".join(lines) + "\n"


def _indented(block, indent):
    return [indent + line if line.strip() else "" for line in block.splitlines()]


def removal_variant(problem, candidate):
    """The reference answer with one candidate replaced by `pass`."""
    return replace_lines(source.reference_answer(problem), [(candidate.start, candidate.end, [candidate.indent + "pass"])])


CANDIDATE_RULES = 2  # bump when _blankable changes: candidate numbers in old hole files then mean other lines
