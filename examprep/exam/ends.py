"""Which end of an axis a layout puts a part at (issue 16, the seventh examination's seed 11 Q76-Q78): a key one
of whose wrong options takes the other end, a slice mirrored (`dz[:, :1]` against `dz[:, -1:]`, `dz[:, 1:]`
against `dz[:, :-1]`) or a concatenation's arguments the other way round (`np.concatenate([cls, tokens], axis=1)`
against `[tokens, cls]`), asks where the part is along that axis. A listing decides that once: two such keys of
one set ask one fact (same_fact.renamed_twins leaves both out), and a listing that shows a line taking an end on
the same axis, a concatenation for a slice's blank or a bounded slice for a concatenation's, gives it away
(giveaways.shows_partner): vit_patch_embed's forward `np.concatenate([cls, tokens], axis=1)` shown above the blank
`dtokens = dz[:, 1:]`.
"""
import ast
import functools

from examprep.exam.code.blanks import diff_path, node_at
from examprep.exam.line_forms import full_line, one_statement, squeeze, wrong_lines

_JOINS = {"concatenate", "stack", "hstack", "vstack", "dstack"}


def _negated(a, b):
    """Whether one bound is the other negated (`1` and `-1`, `H` and `-H`)."""
    return a is not None and b is not None and squeeze(ast.unparse(ast.UnaryOp(ast.USub(), a))) == squeeze(ast.unparse(b))


def _mirrored_slice(key, wrong):
    """Whether a wrong slice takes the other end of the key's (`:1` and `-1:`, `1:` and `:-1`)."""
    if not (isinstance(key, ast.Slice) and isinstance(wrong, ast.Slice)) or key.step or wrong.step:
        return False
    if key.lower is None and wrong.upper is None:
        return _negated(key.upper, wrong.lower) or _negated(wrong.lower, key.upper)
    if key.upper is None and wrong.lower is None:
        return _negated(key.lower, wrong.upper) or _negated(wrong.upper, key.lower)
    return False


def _join_axis(call):
    """The axis (squeezed text) of an np.concatenate / np.stack call of a list or tuple of two or more, else None."""
    if not (isinstance(call, ast.Call) and ast.unparse(call.func).split(".")[-1] in _JOINS and call.args and
            isinstance(call.args[0], (ast.List, ast.Tuple)) and len(call.args[0].elts) >= 2):
        return None
    axis = [squeeze(ast.unparse(k.value)) for k in call.keywords if k.arg == "axis"]
    return axis[0] if axis else squeeze(ast.unparse(call.args[1])) if len(call.args) > 1 else "0"


def _slice_axis(key, path):
    """The axis (as text) of the slice at path: its place in the subscript's tuple, else 0."""
    if path and path[-1][0] == "elts" and len(path) >= 2 and path[-2][0] == "slice":
        return str(path[-1][1])
    return "0" if path and path[-1][0] == "slice" else None


@functools.lru_cache(maxsize=4096)
def asked_ends(key_line, wrong_lines):
    """{("slice" or "join", axis)}: where a wrong option takes the other end of the key (module docstring)."""
    key = one_statement(key_line)
    out = set()
    for line in wrong_lines if key is not None else ():
        wrong = one_statement(line)
        if wrong is None:
            continue
        path = diff_path(key, wrong)
        a, b = node_at(key, path), node_at(wrong, path)
        if _mirrored_slice(a, b) and _slice_axis(key, path) is not None:
            out.add(("slice", _slice_axis(key, path)))
        elif isinstance(a, (ast.List, ast.Tuple)) and type(b) is type(a) and path:
            call = node_at(key, path[:-1])
            ours, theirs = [ast.dump(x) for x in a.elts], [ast.dump(x) for x in b.elts]
            if _join_axis(call) is not None and ours[::-1] == theirs != ours:
                out.add(("join", _join_axis(call)))
    return frozenset(out)


def ends(a, b):
    """Whether two keys of one set each ask which end (module docstring)."""
    return bool(asked_ends(full_line(a, a.answer or ""), wrong_lines(a))) and \
        bool(asked_ends(full_line(b, b.answer or ""), wrong_lines(b)))


def _shown_ends(line):
    """{("join", axis)} for each concatenation of a line, {("slice", axis)} for each slice with one bound."""
    stmt = one_statement(line)
    out = set()
    for node in ast.walk(stmt) if stmt is not None else ():
        if _join_axis(node) is not None:
            out.add(("join", _join_axis(node)))
        elif isinstance(node, ast.Subscript):
            items = node.slice.elts if isinstance(node.slice, ast.Tuple) else [node.slice]
            out |= {("slice", str(i)) for i, s in enumerate(items)
                    if isinstance(s, ast.Slice) and not s.step and (s.lower is None) != (s.upper is None)}
    return out


def ends_shown(q, shown_lines):
    """Whether a shown line takes an end on the axis whose end the blank asks, the other way (a concatenation for a
    slice, a bounded slice for a concatenation; module docstring)."""
    asked = asked_ends(full_line(q, q.answer or ""), wrong_lines(q))
    if not asked:
        return False
    other = {("join" if kind == "slice" else "slice", axis) for kind, axis in asked}
    return any(other & _shown_ends(line) for line in shown_lines)
