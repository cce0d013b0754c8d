"""What a listing's calls show of a blank's call (examprep.exam.giveaways): the same function called with the
keyword the wrong options change or drop, another reduction with exactly the key's keywords, or the argument order
they change shown by a call or a definition with as many arguments (in this listing or, order only, another set's).
"""
import ast
import functools
import re
import textwrap

import numpy as np

from examprep.exam.code.blanks import diff_path, node_at
from examprep.exam.line_forms import full_line, one_statement, squeeze, wrong_lines

_REDUCTIONS = {"sum", "max", "min", "mean", "prod", "std", "var"}   # by _family's last name (argmax is max)


def same_call_shows_asked(q, code, order_only=False):
    """Whether the listing calls the function the wrong options change (by its last name: `np.mean`, `x.mean`)
    with the keyword they change or drop, or, when they reorder its arguments, calls or defines it with as many
    (`self.conv1 = Convolution(W1, b1, stride, 1)` above the blank `Convolution(Ws, bs, stride, 0)`, `def
    mse_grad(w, X, y)` above `mse_grad(theta, y_s, X_s)`): layernorm's `var = np.mean(xc ** 2, axis=-1,
    keepdims=True)` beside the blank `mu = np.mean(x, axis=-1, keepdims=True)` whose options drop keepdims or the
    axis, batchnorm's
    `dmu = np.sum(dxc, axis=0)` below a blank whose options sum over axis 1 (a final re-grade, issue 16)."""
    wrong = wrong_lines(q)
    asked, runs = _asked_calls(full_line(q, q.answer), wrong)
    if order_only:   # another set's listing: its keywords belong to its own data, a signature's order does not
        asked = {name: {part for part in parts if isinstance(part, tuple)} for name, parts in asked.items()
                 if isinstance(name, str)}
    if not any(asked.values()) and not runs:
        return False
    calls, defs, arg_lists = _listing_calls(code)
    if not order_only and _reduction_shows_asked(asked, calls):
        return True
    return any(family in asked and asked[family] & shown for family, shown in calls) or \
        any(name in asked and ("order", n) in asked[name] for name, n in defs) or \
        any(_contains_run(args, run) for args in arg_lists for run in runs)

def _reduction_shows_asked(asked, calls):
    """Whether another reduction of the listing (_REDUCTIONS) has exactly the keywords of a reduction whose
    keyword the wrong options change or drop: softmax's `np.sum(exp_x, axis=-1, keepdims=True)` below the blank
    `np.max(x, axis=-1, keepdims=True)` (final re-grade 3, seed 13 Q75). The whole keyword list must be the same,
    so a listing's `np.sum(dout, axis=0)` does not answer a blank `np.max(col, axis=1)`, and at least two wrong
    options must change or drop a keyword (one is a weak hint: batchnorm's `mu = x.mean(axis=(0, 2, 3))` beside a
    dgamma blank one option of which drops the axes)."""
    wanted = {family[1] for family, wrong in asked.items() if isinstance(family, tuple) and len(wrong) >= 2}
    return any(family in _REDUCTIONS and frozenset(p for p in shown if isinstance(p, str)) in wanted
               for family, shown in calls)

@functools.lru_cache(maxsize=4096)
def _asked_calls(key_line, wrong_lines):
    """What a question's wrong options change in a call, once per question (the walk asks it of every listing):
    ({function's last name: {keyword changed or dropped, ("order", n) for n arguments reordered}, ("reduction", a
    reduction's keywords): {the wrong options changing or dropping one}}, (runs of reordered arguments, three or
    more))."""
    key = one_statement(key_line)
    if key is None:
        return {}, ()
    asked, runs = {}, []
    for j, line in enumerate(wrong_lines):
        wrong = one_statement(line)
        if wrong is None:
            continue
        path = diff_path(key, wrong)
        for i, (field, _) in enumerate(path):
            call = node_at(key, path[:i])
            if field == "keywords" and isinstance(call, ast.Call):
                name = _family(call)
                part = squeeze(ast.unparse(node_at(key, path[:i + 1])))
                asked.setdefault(name, set()).add(part)
                if name in _REDUCTIONS:   # its whole keyword list, for another reduction showing it; which options
                    asked.setdefault(("reduction", _keywords(call)), set()).add(j)
                break
        else:
            a, b = node_at(key, path), node_at(wrong, path)
            if isinstance(a, ast.Call) and isinstance(b, ast.Call):   # a keyword dropped, arguments moved
                theirs = {ast.dump(k) for k in b.keywords}
                name = _family(a)
                dropped = {squeeze(ast.unparse(k)) for k in a.keywords if ast.dump(k) not in theirs}
                asked.setdefault(name, set()).update(dropped)
                if name in _REDUCTIONS and dropped:
                    asked.setdefault(("reduction", _keywords(a)), set()).add(j)
                # NumPy's functions and array methods (np.dot's operands, reshape's sizes) take their order from
                # the data, not from a signature another call shows; the functions and classes called by their
                # own name (im2col, Convolution, mse_grad) do.
                reordered = len(a.args) == len(b.args) > 1 and \
                    sorted(map(ast.dump, a.args)) == sorted(map(ast.dump, b.args)) != list(map(ast.dump, b.args))
                if reordered and isinstance(a.func, ast.Name):
                    asked[name].add(("order", len(a.args)))
                # the same arguments in a run elsewhere (a constructor's parameters), also for a layer's method
                # (MultiHeadAttention's `self.attention.forward(Q, K, V, mask)` beside the attention scenario's
                # `def attention(Q, K, V, mask=None)`), not an array's (reshape's sizes come from the data)
                if reordered and len(a.args) >= 3 and (isinstance(a.func, ast.Name) or _layer_method(a.func)):
                    runs.append(tuple(squeeze(ast.unparse(x)) for x in a.args))
    return {name: frozenset(parts) for name, parts in asked.items()}, tuple(runs)

def _layer_method(func):
    """Whether a call's function is a method of an object's attribute (`self.attention.forward`), not NumPy's nor
    an array's (`x.reshape`, `self.W.reshape`)."""
    return isinstance(func, ast.Attribute) and not hasattr(np.ndarray, func.attr) and \
        isinstance(func.value, ast.Attribute) and ast.unparse(func.value).startswith("self.")

@functools.lru_cache(maxsize=256)
def _listing_calls(code):
    """What a listing shows of its calls and definitions, once per listing text: ((function's last name, {its
    keywords, ("order", n) unless a blank is in the call}), (defined name, parameters but self), (the arguments of
    each call without a blank and the parameters of each definition))."""
    tree = listing_tree(code)
    calls, defs, arg_lists = [], [], []
    for node in ast.walk(tree) if tree is not None else ():
        if isinstance(node, ast.Call):
            blank = "_blank_" in ast.unparse(node)   # the order of a call with a blank in it is asked, not shown
            shown = {squeeze(ast.unparse(k)) for k in node.keywords} | (set() if blank else {("order", len(node.args))})
            calls.append((_family(node), frozenset(shown)))
            if not blank:
                arg_lists.append(tuple(squeeze(ast.unparse(x)) for x in node.args))
        elif isinstance(node, ast.FunctionDef):   # the listing defines it: its parameters
            defs.append((node.name, len([a for a in node.args.args if a.arg != "self"])))
            arg_lists.append(tuple(a.arg for a in node.args.args))
    return tuple(calls), tuple(defs), tuple(arg_lists)

@functools.lru_cache(maxsize=256)
def listing_tree(code):
    """The whole listing parsed, its blanks read as a name (a call beside a blank, a statement over two lines);
    None when it does not parse. Once per listing: every question of a set is checked against it, several times."""
    try:
        return ast.parse(textwrap.dedent(re.sub(r"＿＿\S*?＿＿", "_blank_", code)))
    except SyntaxError:
        return None

def _family(call):
    """A call's function by its last name, argmax counted as max (np.argmax(col, axis=1) shows max's axis)."""
    name = ast.unparse(call.func).split(".")[-1]
    return name[3:] if name in ("argmax", "argmin") else name

def _keywords(call):
    """A call's keywords as squeezed texts (`axis=-1`, `keepdims=True`)."""
    return frozenset(squeeze(ast.unparse(k)) for k in call.keywords)

def _contains_run(items, run):
    return any(items[i:i + len(run)] == run for i in range(len(items) - len(run) + 1))



_KIND = re.compile(r"(?:self\.)?(d?[a-z]*[A-Z])\w*")   # dW of dWhh, dWhz, dWxh: a weight's gradient


def product_roles_shown(key_line, wrong_lines, shown_lines):
    """Whether a shown line of the key's kind (its target's name up to its first capital: `dWhz`, `dWxh` beside the
    blank `dWhh`) calls the key's np.dot or np.matmul with the key's argument in the same place and a transposed one
    in the other, as the key does, where TWIN_RULES_OUT wrong options do otherwise (swap the two, drop the
    transpose): GRU's `dWhz = np.dot(h_prev.T, dt)` above the blank `dWhh = np.dot((r * h_prev).T, dt)` whose
    options take `np.dot(dt, (r * h_prev).T)` or `np.dot(r * h_prev, dt)` (a fifth examination, seed 13 Q69)."""
    roles = _dot_roles(key_line.strip())
    if roles is None or ("T",) not in roles[2] or len(set(roles[2])) != 2:
        return False
    ruled_out = sum(theirs is not None and theirs[:2] == roles[:2] and theirs != roles
                    for theirs in map(_dot_roles, (line.strip() for line in wrong_lines)))
    return ruled_out >= 2 and any(_dot_roles(line.strip()) == roles for line in shown_lines)


@functools.lru_cache(maxsize=8192)
def _dot_roles(line):
    """(target's kind, function, (each argument: ("T",) when transposed, else its text)) of a line assigning one
    np.dot / np.matmul of two arguments to a target with a capital, else None."""
    stmt = one_statement(line)
    if not isinstance(stmt, ast.Assign) or len(stmt.targets) != 1 or not isinstance(stmt.value, ast.Call):
        return None
    kind = _KIND.fullmatch(ast.unparse(stmt.targets[0]))
    call = stmt.value
    if kind is None or ast.unparse(call.func) not in ("np.dot", "np.matmul") or len(call.args) != 2 or call.keywords:
        return None
    return kind.group(1), ast.unparse(call.func), \
        tuple(("T",) if isinstance(a, ast.Attribute) and a.attr == "T" else squeeze(ast.unparse(a)) for a in call.args)
