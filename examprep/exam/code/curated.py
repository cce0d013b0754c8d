"""The problems' named classic mistakes (`mistakes:`, implemented in reference/mistakes/) as exam distractors.

A mistake's implementation is the reference with a statement or two written wrong (attention's scores not divided
by √d_k, a forget gate left out of dc_prev). Each statement it writes differently from the reference, at the same
place of the same function, is the reference with that one line replaced: a mutant like the mechanical ones
(hole.mutants), operator "mistake", proven by the grader in the same run and offered before them
(distractors.pick_distractors), since it is a mistake learners are known to make.

The statements are aligned function by function (methods by name; a function target with the mistake's function):
both bodies flattened in order, compound statements by their kind and header, so only a statement written
differently at the same place pairs up; a body with a statement added or removed gives nothing.
"""
import ast
import importlib
import inspect
import textwrap
from dataclasses import replace

from examprep.common import pyast
from examprep.hole import holes
from examprep.hole.mutants import Mutant
from examprep.problem import source

OPERATOR = "mistake"
MAX_CHANGES = 3   # statements a mistake may write differently to be taken line by line
_BLOCKS = (ast.For, ast.AsyncFor, ast.While, ast.If, ast.With, ast.AsyncWith, ast.Try)


def _flat(body):
    """[(kind, statement)] of a body in order: simple statements ("stmt"), compound ones by their header."""
    out = []
    for node in body:
        if isinstance(node, ast.Expr) and isinstance(node.value, ast.Constant) and isinstance(node.value.value, str):
            continue   # a docstring
        if isinstance(node, (ast.FunctionDef, ast.AsyncFunctionDef, ast.ClassDef)):
            continue   # aligned on their own (_functions)
        if isinstance(node, _BLOCKS):
            header = {k: ast.dump(v) for k, v in ast.iter_fields(node)
                      if k not in ("body", "orelse", "finalbody", "handlers") and isinstance(v, ast.AST)}
            out.append(("block", (type(node).__name__, tuple(sorted(header.items())))))
            for field in ("body", "orelse", "finalbody"):
                out.append(("field", field))
                out += _flat(getattr(node, field, []) or [])
            for handler in getattr(node, "handlers", []) or []:
                out.append(("block", ("handler", ast.dump(handler.type) if handler.type else None, handler.name)))
                out += _flat(handler.body)
        else:
            out.append(("stmt", node))
    return out


def _functions(node, prefix=""):
    """{qualified name: function node} of a class or function (a function: {"": node})."""
    if isinstance(node, (ast.FunctionDef, ast.AsyncFunctionDef)):
        return {prefix: node}
    out = {}
    for child in node.body:
        if isinstance(child, (ast.FunctionDef, ast.AsyncFunctionDef)):
            out[f"{prefix}.{child.name}"] = child
    return out


def _pairs(ref_fn, wrong_fn):
    """[(reference statement, mistake's statement)] written differently at the same place, or [] when the bodies
    do not align (a statement added, removed or moved into another block)."""
    a, b = _flat(ref_fn.body), _flat(wrong_fn.body)
    if len(a) != len(b):
        return []
    out = []
    for (kind_a, x), (kind_b, y) in zip(a, b):
        if kind_a != kind_b:
            return []
        if kind_a != "stmt":
            if x != y:
                return []
        elif ast.dump(x) != ast.dump(y):
            out.append((x, y))
    return out


def _segment(text, node):
    lines = text.splitlines()[node.lineno - 1:node.end_lineno]
    return textwrap.dedent("\n".join(lines))


def _mistake_source(target):
    obj = getattr(importlib.import_module(target.module), target.name)
    return textwrap.dedent(inspect.getsource(obj))


def _top(tree, name):
    return next((n for n in tree.body if isinstance(n, (ast.ClassDef, ast.FunctionDef)) and n.name == name), None)


def mutants(problem, cands):
    """The mistake mutants of a problem's candidate lines ([Mutant], operator "mistake"), in `mistakes:` order."""
    mistakes = getattr(problem, "mistakes", None) or []
    if not mistakes:
        return []
    answer = source.reference_answer(problem)
    tree = pyast.parse(answer)
    by_line = {c.start: c for c in cands}
    targets = [t for t in (_top(tree, t.name) for t in problem.targets) if t is not None]
    out, seen = [], set()
    for mistake in mistakes:
        try:
            text = _mistake_source(mistake.target)
            wrong = pyast.parse(text).body[0]
        except (ImportError, AttributeError, OSError, TypeError, SyntaxError, IndexError):
            continue   # the catalog's tests check every mistake imports; an exam does without it
        best = None
        for target in targets:
            if isinstance(target, ast.ClassDef) != isinstance(wrong, ast.ClassDef):
                continue
            ours, theirs = _functions(target), _functions(wrong)
            pairs = []
            for name in ours:
                if name in theirs:
                    found = _pairs(ours[name], theirs[name])
                    same = sum(kind == "stmt" for kind, _ in _flat(ours[name].body)) - len(found)
                    # Of several targets, only a function that is mostly the same is the one the mistake rewrites.
                    if found and (len(targets) == 1 or same >= max(1, len(found))):
                        pairs += found
            if pairs and (best is None or len(pairs) < len(best)):
                best = pairs
        if best is not None and len(best) > MAX_CHANGES:
            best = None   # a rewrite, not a mistake in a line or two
        for ref_stmt, wrong_stmt in best or []:
            cand = by_line.get(ref_stmt.lineno)
            if cand is None or cand.end != ref_stmt.end_lineno:
                continue
            new = _segment(text, wrong_stmt)
            if (cand.index, ast.dump(pyast.parse(new))) in seen:
                continue
            seen.add((cand.index, ast.dump(pyast.parse(new))))
            lines = [cand.indent + line if line.strip() else "" for line in new.splitlines()]
            full = holes.replace_lines(answer, [(cand.start, cand.end, lines)])
            out.append(Mutant(cand.index, cand.start, cand.target, OPERATOR, cand.text, new, full))
    return out


def with_mistakes(problem, cands, muts):
    """The mechanical mutants with the mistake ones: a mechanical mutant that is a named mistake (the same
    statement) becomes a mistake one in place; the others are added after them (the indices of the mechanical
    ones do not move)."""
    extra = mutants(problem, cands)
    if not extra:
        return muts
    index = {(m.candidate, ast.dump(pyast.parse(m.text))): i for i, m in enumerate(muts)}
    muts = list(muts)
    for m in extra:
        key = (m.candidate, ast.dump(pyast.parse(m.text)))
        if key in index:
            muts[index[key]] = replace(muts[index[key]], operator=OPERATOR)
        else:
            muts.append(m)
    return muts
