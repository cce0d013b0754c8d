"""Code questions that ask the same fact, though their keys differ (issue 16, the final re-grades' E5): an exam
asks each once (compose._Seen across sets, renamed_twins within one).

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
  and axis=0 (one keyword alone, `axis=0`, is too common a choice to count).
Partner names count with the problem's own (its YAML's mutant_partners: dilated_conv's `H + 2 * self.pad - FH_d`
and `(W + 2 * self.pad - FW_d) // self.stride + 1`).
"""
import ast
import functools
import re

from examprep.exam.inferred import Squared
from examprep.exam.line_forms import LEAK_MIN, Numbered, full_line, one_statement, squeeze, statement_value
from examprep.exam.partners import asked_parts, mirrors

_KEYWORD = re.compile(r"[A-Za-z_]\w*=(?!=)")


def _method_form(node):
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
            forms = (_method_form(step) for step in chain)
            return frozenset(form for form in forms if form and len(form) >= LEAK_MIN)
    return frozenset()


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
        form = _method_form(value)
        if form and len(form) >= LEAK_MIN and isinstance(value.func.value, (ast.Name, ast.Attribute)):
            whole.add(form)   # on another array; not `(src_y - y0).reshape(-1, 1)` as `_.reshape(-1, 1)`
        for node in ast.walk(value):
            if isinstance(node, (ast.Call, ast.BinOp, ast.Subscript)):
                sub = squeeze(ast.unparse(node))
                if len(sub) >= LEAK_MIN:
                    parts.add(sub)
                form = _method_form(node)
                if form and len(form) >= LEAK_MIN:
                    parts.add(form)
    keywords = set()
    key = one_statement(key_line)
    for line in wrong_lines:
        wrong = one_statement(line)
        if key is not None and wrong is not None:
            keywords |= {part for part in asked_parts(key, wrong) if isinstance(part, str) and _KEYWORD.match(part)}
    return frozenset(whole), frozenset(parts), frozenset(keywords)


def facts(q):
    wrong = tuple(full_line(q, o.text) for o in q.options or [] if not o.correct)
    return _facts(q.answer or "", full_line(q, q.answer or ""), wrong, getattr(q, "problem", None))


def steps(q):
    """The chain steps of a question's key in its line (_steps)."""
    return _steps(q.answer or "", full_line(q, q.answer or ""))


def same_fact(a, b):
    """Whether two code questions ask the same fact (module docstring)."""
    whole_a, parts_a, keywords_a = facts(a)
    whole_b, parts_b, keywords_b = facts(b)
    return bool(whole_a & parts_b or whole_b & parts_a or steps(a) & steps(b)) or \
        len(keywords_a) >= 2 and keywords_a == keywords_b


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
    return ast.dump(Numbered(indices=indices).visit(Squared().visit(value)))


def renamed_twins(questions):
    """The candidate lines of a set whose value is an earlier blank's with other names or other indices (mixup's
    `x_mix = lam * x + (1 - lam) * x[index]` and `t_mix = lam * t + (1 - lam) * t[index]`, time_bilstm's two
    TimeLSTM(...) lines, lstm_cell's gate slices `A[:, :H]` and `A[:, H:2*H]` and its gates' `sigmoid(f)`,
    `sigmoid(i)`), or that asks an earlier blank's fact (same_fact): the same question twice, the second answered
    by the first; both lines when they mirror each other (upsample's lx and ly), as either would show the other."""
    seen, twins = set(), set()
    for i, q in enumerate(questions):
        for earlier in questions[:i] if asks_a_fact(q) else []:
            if asks_a_fact(earlier) and same_fact(q, earlier):   # split_heads' two transpose(0, 2, 1, 3)
                twins.add(q.blank["candidate"])
                if mirrored(q, earlier):   # adam's m_hat and v_hat: either alone would show the other
                    twins.add(earlier.blank["candidate"])
        shape = renamed_shape(q.answer, indices=True)
        if shape is None:
            continue
        if shape in seen:
            twins.add(q.blank["candidate"])
        seen.add(shape)
    return twins
