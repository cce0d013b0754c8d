"""A blank's counterpart shown in its own listing (issue 16, the fourth examination): a line that is not the blank's
text, nor its partner-name mirror, yet gives its key by a step a reader takes on sight. Used by
examprep.exam.giveaways.shows_partner.

- **Its inverse** (inverse_shown): a chain of method calls with a transpose of constant axes (`x.reshape(N, T,
  num_heads, D // num_heads).transpose(0, 2, 1, 3)`) beside the chain that undoes it (`x.transpose(0, 2, 1,
  3).reshape(N, T, h * d_k)`: the steps reversed, each permutation inverted, any reshape): split_heads beside
  merge_heads, a backward's `dout.transpose(0, 2, 3, 1).reshape(-1, C)` beside its forward's `out.reshape(N,
  out_h, out_w, C).transpose(0, 3, 1, 2)`; a chain whose transposes are their own inverses when shown as
  written, whatever its reshapes (swin's window_partition beside window_reverse, both `transpose(0, 1, 3, 2, 4,
  5)` then a reshape). One transpose of the chain undone by a shown transpose whatever reshapes stand beside them
  counts too (avg_pooling's `dout = dout.transpose(0, 2, 3, 1)`).
- **The reduction it undoes** (reduction_inverse_shown): a sum or mean over one axis beside a repeat over the same
  axis, either way round: avg_pooling's `np.mean(col, axis=1)` beside its backward `np.repeat(dout.reshape(-1, 1) /
  pool_size, pool_size, axis=1)`, the Repeat node's `np.repeat(x, self.N, axis=0)` beside `np.sum(dout, axis=0,
  keepdims=True)` (the final examination of the 2026-12-03 session).
- **The other branch of its `if`** (other_branch_shown): softmax_with_loss's `dx = (self.y - self.t) /
  batch_size` for one-hot labels beside the label branch `dx = self.y.copy(); dx[np.arange(batch_size), self.t]
  -= 1; dx = dx / batch_size`: two ways to one value of the same name, each telling the other's sign and scale.
- **The weight layout its gradient shows** (weight_layout_shown): transposed_conv's `self.dW = np.dot(self.x_row.T,
  dcol).reshape(C_in, C_out, FH, FW)` beside the blank `self.W.reshape(C_in, -1)`, against another first size.
- **The complementary slice** (complement_shown): vit_patch_embed's `dtokens = dz[:, 1:]` beside the blank
  `self.dcls_token = np.sum(dz[:, :1], ...)` whose options take `dz[:, -1:]`: the other slice of the same array
  on the same axis shows where the class token is.
"""
import ast
import functools
import re
import textwrap

from examprep.exam.code.blanks import diff_path, node_at
from examprep.exam.line_forms import inverted, one_statement, squeeze, statement_value, transpose_axes


def _signature(chain):
    """A chain's steps as ("transpose", axes) or ("reshape",), or None when a step is neither (or a transpose has
    no constant axes)."""
    out = []
    for step in chain:
        name = step.func.attr
        if name == "transpose" and transpose_axes(step) is not None:
            out.append(("transpose", transpose_axes(step)))
        elif name == "reshape":
            out.append(("reshape",))
        else:
            return None
    return tuple(out)


def _inverse(signature):
    return tuple(("transpose", inverted(s[1])) if s[0] == "transpose" else s for s in reversed(signature))


def _chains(tree):
    """Every chain of method calls on an array in a tree (outermost calls only), innermost step first."""
    out, inner = [], set()
    for node in ast.walk(tree):
        if id(node) in inner or not (isinstance(node, ast.Call) and isinstance(node.func, ast.Attribute)):
            continue
        steps = []
        while isinstance(node, ast.Call) and isinstance(node.func, ast.Attribute):
            steps.append(node)
            inner.add(id(node))
            node = node.func.value
        if not (isinstance(node, ast.Name) and node.id in ("np", "self")):
            out.append(steps[::-1])
    return out


@functools.lru_cache(maxsize=512)
def _shown_signatures(shown_lines):
    out = set()
    for line in shown_lines:
        stmt = one_statement(line)
        for chain in _chains(stmt) if stmt is not None else ():
            signature = _signature(chain)
            if signature:
                out.add(signature)
    return frozenset(out)


def inverse_shown(key_line, answer, shown_lines):
    """Whether a chain of the key's line that the key is or is in, with a transpose of constant axes, is undone by
    a shown chain (module docstring)."""
    line, key = one_statement(key_line), statement_value(answer)
    if line is None or key is None:
        return False
    key_text = ast.unparse(key)
    shown = _shown_signatures(tuple(shown_lines))
    for chain in _chains(line):
        signature = _signature(chain)
        if not signature or not any(s[0] == "transpose" for s in signature) or \
                not any(key_text in ast.unparse(step) for step in chain):
            continue
        # a chain whose transposes are their own inverses counts as written too, whatever reshapes stand beside it:
        # swin's window_reverse `x.transpose(0, 1, 3, 2, 4, 5).reshape(B, H, W, -1)` beside the blank `windows =
        # x.transpose(0, 1, 3, 2, 4, 5).reshape(-1, ws, ws, C)` (the twenty-ninth examination, seed 11 Q87)
        self_inverse = all(inverted(s[1]) == s[1] for s in signature if s[0] == "transpose")
        if _inverse(signature) in shown or self_inverse and signature in shown:
            return True
        # a transpose of the chain undone by a shown one, whatever reshapes stand beside either (avg_pooling's
        # backward `dout = dout.transpose(0, 2, 3, 1)` beside the blank `out.reshape(N, out_h, out_w,
        # C).transpose(0, 3, 1, 2)`: the final examination of the 2026-12-03 session)
        undone = {inverted(s[1]) for s in signature if s[0] == "transpose" and inverted(s[1]) != s[1]}
        if undone & {s[1] for sig in shown for s in sig if s[0] == "transpose"}:
            return True
    return False


_SPREADS = {"sum": "reduce", "mean": "reduce", "repeat": "spread"}


def _axis_calls(tree):
    """(kind, axis) of each sum, mean ("reduce") or repeat ("spread") call in a tree whose axis is an integer
    constant (a keyword, or the argument in its place: `np.sum(a, 0)`, `a.sum(0)`, `np.repeat(a, n, 0)`,
    `a.repeat(n, 0)`)."""
    out = set()
    for node in ast.walk(tree):
        if not isinstance(node, ast.Call):
            continue
        func = node.func
        name = func.attr if isinstance(func, ast.Attribute) else getattr(func, "id", None)
        kind = _SPREADS.get(name)
        if kind is None:
            continue
        on_numpy = not isinstance(func, ast.Attribute) or isinstance(func.value, ast.Name) and func.value.id == "np"
        place = (1 if kind == "reduce" else 2) - (0 if on_numpy else 1)
        axis = next((k.value for k in node.keywords if k.arg == "axis"),
                    node.args[place] if len(node.args) > place else None)
        if isinstance(axis, ast.Constant) and type(axis.value) is int:
            out.add((kind, axis.value))
    return out


def reduction_inverse_shown(key_line, shown_lines):
    """Whether a shown line repeats over an axis the key's line sums or averages over, or reduces over an axis the
    key's line repeats over (module docstring)."""
    line = one_statement(key_line)
    mine = _axis_calls(line) if line is not None else set()
    if not mine:
        return False
    undone = {("spread" if kind == "reduce" else "reduce", axis) for kind, axis in mine}
    return any(undone & _axis_calls(stmt) for stmt in map(one_statement, shown_lines) if stmt is not None)


def _assigned(stmts):
    """The names the statements assign, an indexed target by its array (`dx` of `dx[idx, t] -= 1`)."""
    out = set()
    for stmt in stmts:
        for t in stmt.targets if isinstance(stmt, ast.Assign) else \
                [stmt.target] if isinstance(stmt, (ast.AugAssign, ast.AnnAssign)) else []:
            while isinstance(t, ast.Subscript):
                t = t.value
            out.add(ast.unparse(t))
    return out


@functools.lru_cache(maxsize=512)
def _marked_tree(code, marker):
    """A listing parsed with the blank `marker` read as `_blank_` and its other blanks as `_other_`, or None."""
    text = re.sub(r"＿＿\S*?＿＿", lambda m: "_blank_" if m.group(0) == marker else "_other_", code)
    try:
        return ast.parse(textwrap.dedent(text))
    except SyntaxError:
        return None


def other_branch_shown(code, marker, key_line):
    """Whether the blank `marker` (whose line filled is `key_line`) is in one branch of an if/else whose other
    branch, shown (no blank in it), assigns the same name (module docstring)."""
    tree = _marked_tree(code, marker)
    key = one_statement(key_line)
    own = _assigned([key]) if key is not None else set()
    for node in ast.walk(tree) if tree is not None else ():
        if not isinstance(node, ast.If) or not node.orelse:
            continue
        for here, there in ((node.body, node.orelse), (node.orelse, node.body)):
            blanked = [s for s in here if "_blank_" in ast.unparse(s)]
            if blanked and not any(re.search(r"_blank_|_other_", ast.unparse(s)) for s in there) and \
                    (own | _assigned(blanked)) & _assigned(there):
                return True
    return False


def _slice_axes(subscript):
    """(array, [index texts]) of a subscript with a slice, or None."""
    index = subscript.slice
    items = index.elts if isinstance(index, ast.Tuple) else [index]
    if not any(isinstance(i, ast.Slice) for i in items):
        return None
    return ast.unparse(subscript.value), items


def _complement(a, b):
    """Whether two slices split an axis at one constant point (`:1` and `1:`, `:-1` and `-1:`)."""
    if not (isinstance(a, ast.Slice) and isinstance(b, ast.Slice)) or a.step or b.step:
        return False
    return a.lower is None and b.upper is None and a.upper is not None and b.lower is not None and \
        ast.dump(a.upper) == ast.dump(b.lower) or \
        b.lower is None and a.upper is None and b.upper is not None and a.lower is not None and \
        ast.dump(b.upper) == ast.dump(a.lower)


def complement_shown(key_line, wrong_lines, shown_lines):
    """Whether a slice of the key that a wrong option changes has its complement, on the same array and axis, in a
    shown line (module docstring)."""
    key = one_statement(key_line)
    if key is None:
        return False
    asked = []
    for line in wrong_lines:
        wrong = one_statement(line)
        if wrong is None:
            continue
        path = diff_path(key, wrong)
        for depth in range(len(path), -1, -1):
            node = node_at(key, path[:depth])
            if isinstance(node, ast.Subscript) and _slice_axes(node):
                asked.append(_slice_axes(node))
                break
    if not asked:
        return False
    for line in shown_lines:
        stmt = one_statement(line)
        for node in ast.walk(stmt) if stmt is not None else ():
            parts = _slice_axes(node) if isinstance(node, ast.Subscript) else None
            for array, items in asked if parts else ():
                if parts[0] == array and len(parts[1]) == len(items) and all(
                        _complement(x, y) or ast.dump(x) == ast.dump(y) for x, y in zip(items, parts[1])) and \
                        any(_complement(x, y) for x, y in zip(items, parts[1])):
                    return True
    return False


def _split(call):
    """The sizes a reshape splits an axis into, as squeezed texts (`('C', 'FH*FW')` of `.reshape(-1, C, FH * FW)`):
    its sizes after a leading -1, two or more, each a name or a product of names; else None."""
    if not (isinstance(call, ast.Call) and isinstance(call.func, ast.Attribute) and call.func.attr == "reshape"):
        return None
    args = call.args[0].elts if len(call.args) == 1 and isinstance(call.args[0], ast.Tuple) else call.args
    if len(args) < 3 or ast.unparse(args[0]) != "-1":
        return None
    sizes = args[1:]
    named = all(isinstance(n, (ast.Name, ast.Attribute)) or isinstance(n, ast.BinOp) and isinstance(n.op, ast.Mult)
                and all(isinstance(m, (ast.Name, ast.Attribute, ast.BinOp)) for m in (n.left, n.right))
                for n in sizes)
    return tuple(squeeze(ast.unparse(n)) for n in sizes) if named else None


def _reshapes(tree):
    """The sizes of every reshape in a tree, each as the dump of its arguments."""
    return {_sizes(n) for n in ast.walk(tree) if isinstance(n, ast.Call) and isinstance(n.func, ast.Attribute)
            and n.func.attr == "reshape"}


def _sizes(call):
    return ast.dump(ast.Tuple(call.args, ast.Load()))


def split_merged_shown(key_line, live_lines, shown_lines):
    """Whether the key splits an axis into named sizes (`.reshape(-1, C, FH * FW)`), a shown line merges them in the
    key's order (`dcol.reshape(-1, C * FH * FW)`), and every live wrong option (one that does not fail by its shape
    alone) lacks the key's split: depthwise_conv's forward `col = im2col(...).reshape(-1, C, FH * FW)` whose one live
    distractor `.reshape(-1, FH * FW, C).transpose(0, 2, 1)` the backward's merge rules out (the ninth examination,
    seed 11 Q23 and seed 13 Q43 of main d1a12f0). Only a forward blank is judged (giveaways decides): a backward
    derived from its forward is the question."""
    key = one_statement(key_line)
    if key is None or not live_lines:
        return False
    splits = [(_sizes(n), _split(n)) for n in ast.walk(key) if _split(n)]
    merged = set()
    for line in shown_lines:
        stmt = one_statement(line)
        for node in ast.walk(stmt) if stmt is not None else ():
            if isinstance(node, ast.Call) and isinstance(node.func, ast.Attribute) and node.func.attr == "reshape":
                merged |= {squeeze(ast.unparse(a)) for a in node.args}
    for dump, sizes in splits:
        if "*".join(sizes) in merged and all(
                (wrong := one_statement(line)) is not None and dump not in _reshapes(wrong) for line in live_lines):
            return True
    return False


def _parameter(node, prefix=""):
    """(attribute, index text or None) of a node that is a weight `self.<prefix>W...` or a slice of it
    (`self.W[g * Fg:(g + 1) * Fg]`; with prefix "d", its gradient `self.dW[...]`), the prefix left out, else None."""
    index = None
    if isinstance(node, ast.Subscript):
        index, node = squeeze(ast.unparse(node.slice)), node.value
    if isinstance(node, ast.Attribute) and isinstance(node.value, ast.Name) and node.value.id == "self" and \
            re.fullmatch(prefix + r"W\w*", node.attr):
        return node.attr[len(prefix):], index
    return None


def _weight_reshapes(tree):
    """{(attribute, index, first size)} of the reshapes of a parameter in a tree (`self.W.reshape(C_in, -1)`)."""
    out = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Call) and isinstance(node.func, ast.Attribute) and node.func.attr == "reshape" and \
                node.args and _parameter(node.func.value):
            out.add((*_parameter(node.func.value), squeeze(ast.unparse(node.args[0]))))
    return out


def _gradient_reshapes(shown_lines):
    """{(attribute, index, first size)} of the shown lines that assign a parameter's gradient (`self.dW`,
    `self.dW[g * Fg:(g + 1) * Fg]`) a value reshaped last (`....T.reshape(Fg, Cg, FH, FW)`), by the parameter."""
    out = set()
    for line in shown_lines:
        stmt = one_statement(line.strip())
        if not (isinstance(stmt, ast.Assign) and len(stmt.targets) == 1):
            continue
        target = _parameter(stmt.targets[0], "d")
        value = stmt.value
        if target and isinstance(value, ast.Call) and isinstance(value.func, ast.Attribute) and \
                value.func.attr == "reshape" and value.args:
            out.add((*target, squeeze(ast.unparse(value.args[0]))))
    return out


def weight_layout_shown(key_line, wrong_lines, shown_lines, least=2):
    """Whether the key reshapes a weight (`self.W.reshape(C_in, -1)`, `self.W[g * Fg:(g + 1) * Fg].reshape(Fg,
    -1)`) to a matrix whose first size the listing's gradient of that same weight, reshaped back last, shows
    (`self.dW = np.dot(self.x_row.T, dcol).reshape(C_in, C_out, FH, FW)`, `self.dW[g * Fg:(g + 1) * Fg] =
    dW_g.T.reshape(Fg, Cg, FH, FW)`), and `least` wrong options or more lack that reshape (another first size,
    another slice, a transpose before it): the weight's matrix layout read off its gradient's line (the eighteenth
    examination, seed 11 Q47 / Q72: transposed_conv's dx and grouped_conv's col_W)."""
    key = one_statement(key_line)
    asked = _weight_reshapes(key) if key is not None else set()
    shown = _gradient_reshapes(shown_lines) & asked if asked else set()
    if not shown:
        return False
    lacking = 0
    for line in wrong_lines:
        wrong = one_statement(line)
        lacking += wrong is not None and not (_weight_reshapes(wrong) & shown)
    return lacking >= least
