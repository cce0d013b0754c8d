"""Blanks for code questions: which blanked node a proven mutant belongs to, and its option text.

A mutant belongs to every expression node of the statement that contains all of its change; its option text is
the reference's own text of that node with only the changed node rewritten (keeping the reference's parentheses
and number spelling), kept only if the statement with it spliced in parses back to the verified mutant.
"""
import ast
import copy
import functools
import textwrap

from examprep.common import pyast
from examprep.exam.code.rule_nodes import same

NOT_A_BLANK = (ast.Name, ast.Constant, ast.Starred, ast.keyword, ast.arg, ast.alias)


def line_starts(text):
    """Character offset of each line's start, and each line's UTF-8 bytes (AST columns are byte offsets)."""
    lines = text.split("\n")
    starts, pos = [], 0
    for line in lines:
        starts.append(pos)
        pos += len(line) + 1
    return starts, [line.encode() for line in lines]


def _offset(text_index, lineno, col):
    starts, raw = text_index
    return starts[lineno - 1] + len(raw[lineno - 1][:col].decode())


def span(text_index, node):
    return (_offset(text_index, node.lineno, node.col_offset), _offset(text_index, node.end_lineno, node.end_col_offset))


def diff_path(a, b, path=()):
    """The path (field, index) to the smallest node of a that b replaces (a, b differ there only)."""
    if type(a) is not type(b):
        return path
    diffs = []
    for name in a._fields:
        va, vb = getattr(a, name, None), getattr(b, name, None)
        if isinstance(va, list) or isinstance(vb, list):
            if not (isinstance(va, list) and isinstance(vb, list)) or len(va) != len(vb):
                return path
            diffs += [(name, i, x, y) for i, (x, y) in enumerate(zip(va, vb)) if not same(x, y)]
        elif not same(va, vb):
            diffs.append((name, None, va, vb))
    if len(diffs) != 1 or not isinstance(diffs[0][2], ast.AST) or not isinstance(diffs[0][3], ast.AST):
        return path
    name, index, x, y = diffs[0]
    return diff_path(x, y, path + ((name, index),))


def node_at(node, path):
    for name, index in path:
        node = getattr(node, name)
        if index is not None:
            node = node[index]
    return node


def _positioned(node, path):
    """The longest prefix of path that ends at a node with a source position."""
    while path and not hasattr(node_at(node, path), "end_col_offset"):
        path = path[:-1]
    return path


def statement(text):
    return pyast.parse(textwrap.dedent(text)).body[0]


class _Placeholders(ast.NodeTransformer):
    """Replaces every sub-expression that also occurs in the reference statement by a placeholder name."""

    def __init__(self, segments):
        self.segments = segments   # ast.dump -> the reference's own text of that expression
        self.used = []

    def visit(self, node):
        if isinstance(node, ast.expr) and not isinstance(node, ast.Name):
            text = self.segments.get(ast.dump(node))
            if text is not None:
                self.used.append(text)
                return ast.Name(f"_exam_segment_{len(self.used) - 1}_", ast.Load())
        return self.generic_visit(node)


def _unparse(node):
    """ast.unparse, but an index tuple with slices (`:, :, p:H, p:W`, changed on two axes) without the parentheses
    ast.unparse puts around it, which no subscript parses (`x[(:, :, p:H)]`)."""
    text = ast.unparse(node)
    if isinstance(node, ast.Tuple) and any(isinstance(e, ast.Slice) for e in node.elts) and text.startswith("("):
        return text[1:-1]
    return text


def _renderings(new_node, segments):
    """Texts for a changed node, most like the reference's style first.

    Parts of the node that occur in the reference statement keep the reference's text
    (its parentheses, `1e-8` rather than `1e-08`); only what the mutation changed is
    written by ast.unparse. Variants with as few added parentheses as possible follow,
    then plain ast.unparse; the caller keeps the first that parses back to the mutant.
    """
    placeholders = _Placeholders(segments)
    skeleton = _unparse(placeholders.visit(copy.deepcopy(new_node)))
    used = placeholders.used
    masks = sorted(range(2 ** len(used)), key=lambda m: (bin(m).count("1"), m)) if len(used) <= 5 else [0, 2 ** len(used) - 1]
    out = []
    for mask in masks:
        text = skeleton
        for i, segment in enumerate(used):
            text = text.replace(f"_exam_segment_{i}_", f"({segment})" if mask >> i & 1 else segment)
        out += [text, f"({text})"]
    raw = _unparse(new_node)
    out += [raw, f"({raw})"]
    return list(dict.fromkeys(out))


SYMBOLS = {ast.Add: "+", ast.Sub: "-", ast.Mult: "*", ast.Div: "/", ast.FloorDiv: "//", ast.Mod: "%",
           ast.Pow: "**", ast.MatMult: "@"}
ATOMS = (ast.Name, ast.Attribute, ast.Constant, ast.Subscript, ast.Call)


def _operator_in_place(text, index, old, new):
    """The reference's text of a binary operation with only its operator changed (`1+z` for `1-z`, not ast.unparse's
    `1 + z` beside the key's `1-z`), or None when the change is not a changed operator."""
    if not (isinstance(old, ast.BinOp) and isinstance(new, ast.BinOp) and type(old.op) is not type(new.op)
            and same(old.left, new.left) and same(old.right, new.right)):
        return None
    s0, s1 = span(index, old)
    (_, l1), (r0, _) = span(index, old.left), span(index, old.right)
    gap, before, after = text[l1:r0], SYMBOLS.get(type(old.op)), SYMBOLS.get(type(new.op))
    if before is None or after is None or gap.count(before) != 1 or "*" in gap.replace(before, "", 1):
        return None
    return text[s0:l1] + gap.replace(before, after) + text[r0:s1]


def askable(path):
    """Whether the node at path can be a blank: not a call's function (`dx.reshape(N, H, W, C).transpose` before
    `(0, 3, 1, 2)`, `(...).astype` before `(np.float64)`), which asks for a bound method, its arguments left outside
    the blank."""
    return not path or path[-1] != ("func", None)


def blank_choices(candidate, entries):
    """{path of the blanked node (() = whole statement): [(entry, option text)]} for the fair distractors.

    An entry belongs to every blank (node) that contains all of its change; its option text
    is the reference's text of that node with the changed node rewritten (keeping the
    reference's text of its unchanged parts), kept only if it parses back to the verified
    mutant.
    """
    wrong = [e for e in entries if e["status"] == "wrong"]
    choices = _choices(textwrap.dedent(candidate.text), tuple(e["text"] for e in wrong))
    return {path: [(wrong[i], fill) for i, fill in fills] for path, fills in choices.items()}


@functools.lru_cache(maxsize=1024)
def _choices(text, mutant_texts):
    """blank_choices of a line's text and its wrong mutants' texts, as {path: [(mutant index, option text)]}: once
    a process (a mock exam plans the same line again when it remakes a set)."""
    original = statement(text)
    index = line_starts(text)
    segments = {}
    for node in ast.walk(original):
        if isinstance(node, ast.expr) and hasattr(node, "end_col_offset"):
            s0, s1 = span(index, node)
            segments.setdefault(ast.dump(node), text[s0:s1])
    out = {}
    for number, mutant_text in enumerate(mutant_texts):
        try:
            mutant = statement(mutant_text)
        except SyntaxError:
            continue
        target_dump = ast.dump(mutant)
        changed = _positioned(original, diff_path(original, mutant))
        d0, d1 = span(index, node_at(original, changed)) if changed else (0, len(text))
        # A change of the whole statement (`-=` made `+=`) is written like the reference too (its `1e-7`, not
        # ast.unparse's `1e-07`); the mutant's own text is the last resort.
        new_node = node_at(mutant, changed) if changed else mutant
        renderings = _renderings(new_node, segments)
        in_place = _operator_in_place(text, index, node_at(original, changed), new_node) if changed else None
        if in_place:
            renderings.insert(0, in_place)
        if not changed:
            renderings.append(mutant_text.strip())
        # An atom put where a parenthesised expression was (`z` for `(1-z)`) loses the parentheses: `(z)` is
        # written by no one and would mark the option as made up.
        bare = changed and isinstance(new_node, ATOMS) and d0 > 0 and text[d0 - 1] == "(" and text[d1:d1 + 1] == ")"
        for depth in range(len(changed) + 1):
            path = changed[:depth]
            node = node_at(original, path)
            if path and (not hasattr(node, "end_col_offset") or isinstance(node, NOT_A_BLANK)
                         or not isinstance(node, ast.expr)):
                continue
            s0, s1 = span(index, node) if path else (0, len(text))
            fills = [text[s0:d0] + replacement + text[d1:s1] for replacement in renderings]
            if bare and s0 < d0 and d1 < s1:
                fills = [text[s0:d0 - 1] + r + text[d1 + 1:s1] for r in renderings[:1]] + fills
            for fill in fills:
                try:
                    ok = ast.dump(statement(text[:s0] + fill + text[s1:])) == target_dump
                except SyntaxError:
                    ok = False
                if ok:
                    out.setdefault(path, []).append((number, fill))
                    break
    return out


def option_text(text, where, mutant_text):
    """The option text of a mutant statement for the blank at `where` ((start, end) in the statement text), written
    as blank_choices writes a proven mutant's, or None when the mutant's change is not inside that blank."""
    original = statement(text)
    index = line_starts(text)
    for path, fills in _choices(text, (mutant_text,)).items():
        if (span(index, node_at(original, path)) if path else (0, len(text))) == tuple(where):
            return fills[0][1]
    return None
