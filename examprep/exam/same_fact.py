"""Code questions that ask the same fact, though their keys differ (issue 16, the final re-grades' E5): an exam
asks each once (seen.Seen across sets, renamed_twins within one).

Two code questions ask the same fact when
- one key is part of the other's, as written, up to partner names or on another array: split_heads'
  `x.transpose(0, 2, 1, 3)` inside `x.reshape(N, T, num_heads, D // num_heads).transpose(0, 2, 1, 3)`, upsample's
  `src_x - x0` (with x <-> y) inside `(src_y - y0).reshape(-1, 1)`, attention_weight's `h.reshape(N, 1, H)` inside
  weight_sum's `dc.reshape(N, 1, H).repeat(T, axis=1)` (a key that is a method call on an array counts with the
  array left out, not one on an expression: `(src_y - y0).reshape(-1, 1)` is no `_.reshape(-1, 1)`; at least
  LEAK_MIN characters, so a name or `x.T` is no fact);
- or both keys are in a chain of two or more method calls on an array, in their lines, that share a whole step of
  LEAK_MIN characters or more: split_heads' `x.reshape(N, T, num_heads, D // num_heads).transpose(0, 2, 1, 3)` and
  merge_heads' `x.transpose(0, 2, 1, 3).reshape(N, T, h * d_k)`, avg_pooling's `out.reshape(N, out_h, out_w,
  C).transpose(0, 3, 1, 2)` and transposed_conv's blank `dx.reshape(N, H, W, C_in)` in `dx = ＿＿.transpose(0, 3,
  1, 2)` (NHWC rows back to NCHW, one fact; a step inside an argument, or of one call, is the rule above);
- or their wrong options change the same two or more keywords and nothing else of a call: softmax's
  `np.max(x, axis=-1, keepdims=True)` and `np.sum(exp_x, axis=-1, keepdims=True)`, each against a dropped keepdims
  and axis=0 (one keyword alone, `axis=0`, is too common a choice to count);
- or one is the other up to argmax/max (argmin/min): max_pooling's `np.argmax(col, axis=1)` and `np.max(col,
  axis=1)` (the index of the maximum and the maximum over one axis, one fact);
- or both keys ask one reduction fact (examprep.exam.sum_facts): one reduction over the same axis whose wrong
  options change its axis or keepdims, or swap sum and mean (rnn_cell's `db = np.sum(dt, axis=0)` and Repeat's
  `dx = np.sum(dout, axis=0, keepdims=True)`, layernorm's two means over axis -1), or "sum, not mean" of one kind
  whatever the axes: a parameter's gradient over the batch (rnn_cell's db, group_norm's dgamma, depthwise_conv's
  dW), a repeat's gradient over its copies (upsample's dx, attention_weight's dh), a weighted sum (depthwise_conv's
  forward, attention_weight's `np.sum(t, axis=2)`);
- or both ask the weights of a convex combination c * A + (1 - c) * B (examprep.exam.convex: mixup's x_mix and its
  loss, RMSProp's h);
- or both ask im2col's (N, out_h, out_w) row order, or class indices by argmax (examprep.exam.layout_facts).
Within one set (renamed_twins) also: two keys whose options change the same side of their statements (target or
value) where the keys' sides differ only in numbers, or where one's wrong option is the other's key there:
positional_encoding's `pe[:, 0::2] = np.sin(angle)` against `1::2` and `pe[:, 1::2] = np.cos(angle)` against
`0::2` (sin on the even columns and cos on the odd ones, one fact; complementary); and a key that transposes by
the inverse permutation of the other's, in it or in its line's chain it begins (transposed_conv's `x.transpose(0, 2,
3, 1).reshape(-1, C_in)` and `dx.reshape(N, H, W, C_in)` in `dx = ＿＿.transpose(0, 3, 1, 2)`; inverse); and two keys
that each ask which end of an axis a part is at (examprep.exam.ends: vit_patch_embed's class token first).
Partner names count with the problem's own (its YAML's mutant_partners: dilated_conv's `H + 2 * self.pad - FH_d`
and `(W + 2 * self.pad - FW_d) // self.stride + 1`).
"""
import ast
import copy
import functools
import re

from examprep.exam.convex import convex
from examprep.exam.ends import ends
from examprep.exam.layout_facts import layout_facts
from examprep.exam.inferred import Squared
from examprep.exam.line_forms import (LEAK_MIN, Numbered, full_line, inverted, one_statement, squeeze,
                                      statement_value, transpose_axes, wrong_lines)
from examprep.exam.code.blanks import diff_path, node_at
from examprep.exam.partners import asked_parts, mirrors
from examprep.exam.sum_facts import (gradient_sum_shown, gradient_target, question_facts,  # noqa: F401 (giveaways)
                                     swaps_sum_mean)

_KEYWORD = re.compile(r"[A-Za-z_]\w*=(?!=)")
_ARG = re.compile(r"(?<=\.)arg(max|min)\(")   # argmax counted as max (same_call's _family)


def method_form(node):
    """A method call with its array left out (`_.reshape(N,1,H)` of `h.reshape(N, 1, H)`), NumPy's functions not."""
    if isinstance(node, ast.Call) and isinstance(node.func, ast.Attribute) and \
            not (isinstance(node.func.value, ast.Name) and node.func.value.id in ("np", "self")):
        call = ast.Call(ast.Attribute(ast.Name("_", ast.Load()), node.func.attr, ast.Load()), node.args,
                        node.keywords)
        return squeeze(ast.unparse(call))
    return None


@functools.lru_cache(maxsize=4096)
def _mirrored(answer, problem=None):
    """The squeezed value of an answer with its partner names swapped (examprep.exam.partners.mirrors; the
    problem's own partners too)."""
    value = statement_value(answer)
    text = squeeze(ast.unparse(value)) if value is not None else ""
    return frozenset(mirrors(text, problem)) if len(text) >= LEAK_MIN else frozenset()


def _chain(node):
    """The method calls of a chain on an array, innermost first (`x.reshape(...).transpose(...)`: reshape,
    transpose), or [] when its innermost receiver is no name or attribute (an expression, NumPy, self)."""
    steps = []
    while isinstance(node, ast.Call) and isinstance(node.func, ast.Attribute):
        steps.append(node)
        node = node.func.value
    if not isinstance(node, (ast.Name, ast.Attribute)) or isinstance(node, ast.Name) and node.id in ("np", "self"):
        return []
    return steps[::-1]


@functools.lru_cache(maxsize=4096)
def _steps(answer, key_line):
    """The whole steps (`_.transpose(0,2,1,3)`, squeezed) of a chain of two or more method calls on an array that the
    key is, or begins, in its line (module docstring)."""
    key, line = statement_value(answer), statement_value(key_line)
    if key is None or line is None:
        return frozenset()
    key_text = squeeze(ast.unparse(key))
    for node in ast.walk(line):
        chain = _chain(node)
        if len(chain) >= 2 and any(squeeze(ast.unparse(step)) == key_text for step in chain):
            forms = (method_form(step) for step in chain)
            return frozenset(form for form in forms if form and len(form) >= LEAK_MIN)
    return frozenset()


def value_parts(value):
    """The calls, operations and subscripts of a value, and its method calls on any array (method_form), squeezed,
    LEAK_MIN characters or more: what a key holds as written (_facts) or a line's options share
    (giveaways._agreed_by_sibling)."""
    nodes = [n for n in ast.walk(value) if isinstance(n, (ast.Call, ast.BinOp, ast.Subscript))]
    texts = [squeeze(ast.unparse(n)) for n in nodes] + [method_form(n) for n in nodes]
    return {text for text in texts if text and len(text) >= LEAK_MIN}


def _index_form(node):
    """A subscript's index on any array (`_[:,k*d:k*d+T]` of `dx_pad[:, k * d:k * d + T]`), squeezed, when it
    slices with LEAK_MIN characters or more, else None (None for any other node)."""
    if not isinstance(node, ast.Subscript):
        return None
    index = squeeze(ast.unparse(node.slice))
    has_slice = any(isinstance(n, ast.Slice) and (n.lower or n.upper) for n in ast.walk(node.slice))
    return "_[" + index + "]" if has_slice and len(index) >= LEAK_MIN else None


def _blank_index(answer, key_line):
    """The index form (_index_form) of the subscript in the key's line whose index holds a key that is no statement of
    its own (causal_conv1d's `k * d:k * d + T` in `tap = self.x_pad[:, k * d:k * d + T]`), else None."""
    line = one_statement(key_line)
    key = squeeze(answer)
    for node in ast.walk(line) if line is not None and key else ():
        if isinstance(node, ast.Subscript) and key in squeeze(ast.unparse(node.slice)):
            return _index_form(node)
    return None


@functools.lru_cache(maxsize=4096)
def _facts(answer, key_line, wrong_lines, problem=None):
    """(whole, parts, keywords) of a key: its value's forms, the forms of its sub-expressions, the keywords its
    wrong options change (module docstring)."""
    value = statement_value(answer)
    whole, parts = set(), set()
    if value is not None:
        text = squeeze(ast.unparse(value))
        if len(text) >= LEAK_MIN:
            whole |= {text} | set(mirrors(text, problem))
        form = method_form(value)
        if form and len(form) >= LEAK_MIN and isinstance(value.func.value, (ast.Name, ast.Attribute)):
            whole.add(form)   # on another array; not `(src_y - y0).reshape(-1, 1)` as `_.reshape(-1, 1)`
        parts |= value_parts(value)
        parts |= {form for form in map(_index_form, ast.walk(value)) if form}
        if _index_form(value):
            whole.add(_index_form(value))   # the same slice on another array
        whole |= {_ARG.sub(r"\1(", text) for text in whole}
        parts |= {_ARG.sub(r"\1(", text) for text in parts}
    else:
        index = _blank_index(answer, key_line)
        if index:   # the index itself asked: compared as a whole and as a part
            whole.add(index)
            parts.add(index)
    keywords = set()
    key = one_statement(key_line)
    for line in wrong_lines:
        wrong = one_statement(line)
        if key is not None and wrong is not None:
            keywords |= {part for part in asked_parts(key, wrong) if isinstance(part, str) and _KEYWORD.match(part)}
    return frozenset(whole), frozenset(parts), frozenset(keywords)


def facts(q):
    wrong = wrong_lines(q)
    return _facts(q.answer or "", full_line(q, q.answer or ""), wrong, getattr(q, "problem", None))


def steps(q):
    """The chain steps of a question's key in its line (_steps)."""
    return _steps(q.answer or "", full_line(q, q.answer or ""))


def same_fact(a, b):
    """Whether two code questions ask the same fact (module docstring)."""
    whole_a, parts_a, keywords_a = facts(a)
    whole_b, parts_b, keywords_b = facts(b)
    if whole_a & parts_b or whole_b & parts_a or steps(a) & steps(b) or \
            len(keywords_a) >= 2 and keywords_a == keywords_b:
        return True
    return bool(question_facts(a) & question_facts(b)) or weight_transposed(a) and weight_transposed(b) or \
        convex(a) and convex(b) or bool(layout_facts(a) & layout_facts(b))


def _transposed_2d(node):
    """The array a node transposes as a matrix (`X` of `X.T`, `X.transpose(1, 0)`), else None."""
    if isinstance(node, ast.Attribute) and node.attr == "T":
        return node.value
    return node.func.value if transpose_axes(node) == (1, 0) else None


def _product(node):
    """The two squeezed operands of a matrix product (`np.dot(a, b)`, `np.matmul(a, b)`, `a @ b`), else None."""
    if isinstance(node, ast.BinOp) and isinstance(node.op, ast.MatMult):
        return squeeze(ast.unparse(node.left)), squeeze(ast.unparse(node.right))
    if isinstance(node, ast.Call) and ast.unparse(node.func) in ("np.dot", "np.matmul") and len(node.args) == 2:
        return tuple(squeeze(ast.unparse(a)) for a in node.args)
    return None


def _reshaped(stmt):
    """The `.reshape(...)` calls of a statement with their arrays."""
    return [n for n in ast.walk(stmt) if isinstance(n, ast.Call) and isinstance(n.func, ast.Attribute) and
            n.func.attr == "reshape"]


@functools.lru_cache(maxsize=4096)
def _weight_transposed(key_line, wrong_lines):
    """Whether a key assigning a gradient transposes a matrix product before reshaping it to a weight's shape, and
    a wrong option drops that transpose (weight_transposed)."""
    key = one_statement(key_line)
    if key is None or not gradient_target(key):
        return False
    wrongs = [squeeze(line) for line in wrong_lines]
    for call in _reshaped(key):
        array = _transposed_2d(call.func.value)
        if array is not None:   # `dW_g.T.reshape(Fg, Cg, FH, FW)` against `dW_g.reshape(Fg, Cg, FH, FW)`
            dropped = ast.Call(ast.Attribute(array, "reshape", ast.Load()), call.args, call.keywords)
            if any(squeeze(ast.unparse(dropped)) in wrong for wrong in wrongs):
                return True
    # `np.dot(dout.T, self.x_row)` against `np.dot(self.x_row.T, dout).reshape(self.W.shape)`: (A.T B).T = B.T A
    products = {_product(n) for n in ast.walk(key)} - {None}
    for line in wrong_lines:
        wrong = one_statement(line)
        for call in _reshaped(wrong) if wrong is not None else ():
            pair = _product(call.func.value)
            if pair and pair[0].endswith(".T") and (pair[1] + ".T", pair[0][:-2]) in products:
                return True
    return False


def weight_transposed(q):
    """Whether a question asks that a weight's gradient from im2col columns, `col.T @ dout` of shape (C * FH * FW,
    FN), is transposed before the reshape to (FN, C, FH, FW) (the ninth examination, seed 11 Q36/Q67/Q52 of main
    d1a12f0): grouped_conv's `dW_g.T.reshape(Fg, Cg, FH, FW)`, dilated_conv's `np.dot(self.col.T, dout).transpose(1,
    0).reshape(FN, C, FH_d, FW_d)`, conv2d's `self.dW.transpose(1, 0).reshape(FN, C, FH, FW)`, each against the
    transpose dropped, and pointwise_conv's `np.dot(dout.T, self.x_row)` against `np.dot(self.x_row.T,
    dout).reshape(self.W.shape)`: one fact."""
    return _weight_transposed(full_line(q, q.answer or ""), wrong_lines(q))


class _Numbers(ast.NodeTransformer):
    """Every number masked, a negative one too (names kept)."""

    def visit_Constant(self, node):
        return ast.Constant("#") if isinstance(node.value, (int, float)) and not isinstance(node.value, bool) \
            else node

    def visit_UnaryOp(self, node):
        if isinstance(node.op, ast.USub) and isinstance(node.operand, ast.Constant):
            return self.visit_Constant(node.operand)
        return self.generic_visit(node)


@functools.lru_cache(maxsize=4096)
def _sides(key_line, wrong_lines):
    """{side: (the key's side, its numbers masked, the wrong options' sides)}: the side (a statement's target or
    value, the first step of diff_path) of the key that each wrong option changes, squeezed."""
    key = one_statement(key_line)
    out = {}
    for line in wrong_lines:
        wrong = one_statement(line)
        path = diff_path(key, wrong) if key is not None and wrong is not None else ()
        if not path:
            continue
        side = node_at(key, path[:1])
        text = squeeze(ast.unparse(side)) if isinstance(side, ast.AST) else ""
        if len(text) < LEAK_MIN:
            continue
        # parsed again from its unsqueezed text: a squeezed comprehension (`foriinrange(n)`) does not parse
        masked = ast.dump(_Numbers().visit(ast.parse(ast.unparse(side), mode="eval")))
        entry = out.setdefault(path[0], (text, masked, set()))
        entry[2].add(squeeze(ast.unparse(node_at(wrong, path[:1]))))
    return out


def complementary(a, b):
    """Whether two keys of one set ask one fact by their sides (module docstring): the same side of each, changed
    by its options, differs from the other's only in numbers, or one's wrong option is the other's key there."""
    sides_a = _sides(full_line(a, a.answer or ""), wrong_lines(a))
    sides_b = _sides(full_line(b, b.answer or ""), wrong_lines(b))
    for side in sides_a.keys() & sides_b.keys():
        (key_a, masked_a, wrong_a), (key_b, masked_b, wrong_b) = sides_a[side], sides_b[side]
        if masked_a == masked_b or key_a in wrong_b or key_b in wrong_a:
            return True
    return False


def _permutation(call):
    """The permutation of a `.transpose(0, 2, 3, 1)` call that is not its own inverse, else None."""
    p = transpose_axes(call)
    return None if p is None or p == inverted(p) else p


@functools.lru_cache(maxsize=4096)
def _permutations(answer, key_line):
    """The transposes a key makes (`x.transpose(0, 2, 3, 1).reshape(-1, C_in)`) or begins in its line's chain
    (transposed_conv's `dx.reshape(N, H, W, C_in)` in `dx = ＿＿.transpose(0, 3, 1, 2)`)."""
    key, line = statement_value(answer), statement_value(key_line)
    if key is None or line is None:
        return frozenset()
    out = {p for p in map(_permutation, ast.walk(key)) if p}
    key_text = squeeze(ast.unparse(key))
    for node in ast.walk(line):
        chain = _chain(node)
        if any(squeeze(ast.unparse(step)) == key_text for step in chain):
            out |= {p for p in map(_permutation, chain) if p}
    return frozenset(out)


def inverse(a, b):
    """Whether one key of a set transposes by the inverse permutation of the other's (transposed_conv's forward
    `x.transpose(0, 2, 3, 1).reshape(-1, C_in)` and backward `dx.reshape(N, H, W, C_in)` before `.transpose(0, 3,
    1, 2)`: NCHW to rows with the channel last and back, one layout asked twice)."""
    ps = _permutations(a.answer or "", full_line(a, a.answer or ""))
    qs = _permutations(b.answer or "", full_line(b, b.answer or ""))
    return any(inverted(p) in qs for p in ps)


def mirrored(a, b):
    """Whether one key is the other's, or part of it, with partner names swapped (upsample's lx and ly): a pair of
    which neither can be asked alone, as each shows the other (renamed_twins drops both)."""
    return bool(_mirrored(a.answer or "", getattr(a, "problem", None)) & facts(b)[1] or
                _mirrored(b.answer or "", getattr(b, "problem", None)) & facts(a)[1])


def asks_a_fact(q):
    """Whether a question is a code blank whose facts are compared (not a scenario's, a knowledge item's)."""
    return bool(getattr(q, "problem", None) and getattr(q, "blank", None) and q.options)


def renamed_shape(answer, indices=False):
    """The shape of an answer's value up to renamed names (and masked indices with `indices`), or None for a value
    too plain to be a question of its own (a name, an attribute, a number) or one that does not parse."""
    value = statement_value(answer)
    if value is None or isinstance(value, (ast.Name, ast.Attribute, ast.Constant, ast.UnaryOp)):
        return None
    return ast.dump(Numbered(indices=indices).visit(Squared().visit(copy.deepcopy(value))))


def renamed_twins(questions):
    """The candidate lines of a set whose value is an earlier blank's with other names or other indices (mixup's
    `x_mix = lam * x + (1 - lam) * x[index]` and `t_mix = lam * t + (1 - lam) * t[index]`, time_bilstm's two
    TimeLSTM(...) lines, lstm_cell's gate slices `A[:, :H]` and `A[:, H:2*H]` and its gates' `sigmoid(f)`,
    `sigmoid(i)`), or that asks an earlier blank's fact (same_fact): the same question twice, the second answered
    by the first; both lines when they mirror each other (upsample's lx and ly), as either would show the other."""
    seen, twins = set(), set()
    for i, q in enumerate(questions):
        for earlier in questions[:i] if asks_a_fact(q) else []:
            if asks_a_fact(earlier) and (same_fact(q, earlier) or complementary(q, earlier) or inverse(q, earlier)
                                         or ends(q, earlier) or swaps_sum_mean(q) and swaps_sum_mean(earlier)
                                         or bool(changed_parts_of(q) & changed_parts_of(earlier))):
                twins.add(q.blank["candidate"])
                # adam's m_hat and v_hat, positional_encoding's pe[:, 0::2] and pe[:, 1::2], vit_patch_embed's class
                # token first in the forward and in the backward (examprep.exam.ends): either alone would show the
                # other
                if mirrored(q, earlier) or complementary(q, earlier) or ends(q, earlier):
                    twins.add(earlier.blank["candidate"])
        shape = renamed_shape(q.answer, indices=True)
        if shape is None:
            continue
        if shape in seen:
            twins.add(q.blank["candidate"])
        seen.add(shape)
    return twins


@functools.lru_cache(maxsize=4096)
def _changed_parts(key_line, wrong_lines):
    """The parts of a key that two or more of its wrong options change: for each wrong option, the node where it
    differs from the key (diff_path), widened to the smallest enclosing node of LEAK_MIN characters or more that is
    no call's function (`self.W.reshape(C_in,-1)` for the receiver `self.W` made `self.W[:, :, ::-1, ::-1]`, not
    `self.W.reshape`), squeezed."""
    key = one_statement(key_line)
    counts = {}
    for line in wrong_lines:
        wrong = one_statement(line)
        if key is None or wrong is None:
            continue
        path = list(diff_path(key, wrong))
        while path:
            node = node_at(key, tuple(path))
            if path[-1][0] != "func" and isinstance(node, ast.expr) and len(squeeze(ast.unparse(node))) >= LEAK_MIN:
                text = squeeze(ast.unparse(node))
                counts[text] = counts.get(text, 0) + 1
                break
            path.pop()
    return frozenset(text for text, n in counts.items() if n >= 2)


def changed_parts_of(q):
    """The parts of a code question's key its wrong options ask (_changed_parts): two blanks of one set asking the same
    part ask one fact (the twenty-first examination, seeds 11 and 13 Q70 / Q71: transposed_conv's forward and
    backward both ask W's matrix view `self.W.reshape(C_in, -1)`, the backward's wrong options the forward's with
    `.T`)."""
    return _changed_parts(full_line(q, q.answer or ""), wrong_lines(q))
