"""A blank's computed slice shown up to names in its listing (issue 16, the ninth examination; used by
examprep.exam.giveaways.shows_partner).

grouped_conv's forward `col = im2col(x[:, g * Cg:(g + 1) * Cg], FH, FW, self.stride, self.pad)` beside the shown
`dout[:, g * Fg:(g + 1) * Fg]` and `self.W[g * Fg:(g + 1) * Fg]` (seed 11 Q35 of main d1a12f0): the options take the
first Cg channels (`x[:, :Cg]`), every groups-th channel (`x[:, g::self.groups]`) or mix the two sizes, and the
listing's block of group g, another size on another array, rules out every one of them. A slice counts when it is
the part of the key a wrong option changes and its bounds are computed (a bound with an operation: `g * Cg`, not
`:H`), and the listing shows it up to renamed names (numbers kept: lstm_cell's `A[:, 2*H:3*H]` is not `A[:, H:2*H]`),
also in a line with another blank in it (`self.dW[g * Fg:(g + 1) * Fg] = ＿＿(い)＿＿`). The blank counts when
TWIN_RULES_OUT wrong options or more are so ruled out, or every live one (not failing by its shape alone): with
that rule, grouped_conv's `col_W = self.W[g * Fg:(g + 1) * Fg].reshape(Fg, -1).T` offered `self.W[g::self.groups]`
as its one live distractor beside `dout[:, g * Fg:(g + 1) * Fg]`.
"""
import ast
import copy
import functools
import re
import textwrap

from examprep.exam.code.blanks import diff_path, node_at
from examprep.exam.inferred import TWIN_RULES_OUT
from examprep.exam.line_forms import Numbered, one_statement

_MARKER = re.compile(r"＿＿\S*?＿＿")


def _computed(node):
    """Whether a slice item runs between two bounds, one of them computed (`g * Cg:(g + 1) * Cg`)."""
    return isinstance(node, ast.Slice) and node.lower is not None and node.upper is not None and \
        any(isinstance(b, ast.BinOp) for b in (node.lower, node.upper))


def _form(node):
    """A slice item up to renamed names (numbers kept), as a dump."""
    return ast.dump(Numbered().visit(copy.deepcopy(node)))


@functools.lru_cache(maxsize=512)
def _listing_forms(code):
    """{form: {text}} of the computed slices a listing shows, its blanks read as a name."""
    out = {}
    for line in code.split("\n"):
        stmt = one_statement(textwrap.dedent(_MARKER.sub("_blank_", line))) if line.strip() else None
        for node in ast.walk(stmt) if stmt is not None else ():
            if _computed(node):
                out.setdefault(_form(node), set()).add(ast.unparse(node))
    return out


def _asked_slice(key, wrong):
    """(the key's slice item, the wrong option's node in its place) around the wrong option's change: the innermost
    computed slice of the key on the path to it, or None."""
    path = diff_path(key, wrong)
    for depth in range(len(path), -1, -1):
        node = node_at(key, path[:depth])
        if isinstance(node, ast.Subscript):
            return None   # the change is in a subscript's array or outside any computed slice
        if _computed(node):
            return node, node_at(wrong, path[:depth])
    return None


def _ruled_out(key, line, shown):
    wrong = one_statement(line)
    asked = _asked_slice(key, wrong) if wrong is not None else None
    if asked is None:
        return False
    mine, theirs = asked
    return bool(shown.get(_form(mine))) and not (isinstance(theirs, ast.AST) and _form(theirs) == _form(mine))


def block_slice_shown(key_line, wrong_lines, code, live_lines=()):
    """Whether TWIN_RULES_OUT wrong options or more, or every live one (`live_lines`, one at least), change a
    computed slice of the key that the listing shows up to names, where theirs is not (module docstring)."""
    key = one_statement(key_line)
    shown = _listing_forms(code) if key is not None else {}
    if not shown:
        return False
    if sum(_ruled_out(key, line, shown) for line in wrong_lines) >= TWIN_RULES_OUT:
        return True
    return bool(live_lines) and all(_ruled_out(key, line, shown) for line in live_lines)
