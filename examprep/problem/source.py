"""The reference's source text: the targets a problem covers, and an answer file built from them.

Hole files are generated from this text (examprep.hole.holes), so the hole a learner
sees is always the reference itself with lines taken out, never a hand-written copy.
"""
import ast
import importlib.util
from dataclasses import dataclass
from functools import lru_cache
from examprep.common import pyast


@lru_cache(maxsize=None)
def module_text(module_name):
    spec = importlib.util.find_spec(module_name)
    if spec is None or not spec.origin:
        raise LookupError(f"cannot find the module {module_name}")
    with open(spec.origin, encoding="utf-8") as f:
        return f.read()


@dataclass
class TargetSource:
    name: str
    text: str          # the definition's source, dedented to column 0
    tree: ast.AST      # its parsed definition (line numbers relative to text)


@lru_cache(maxsize=128)
def _definitions(text):
    """{name: (first line, last line)} of a module's top-level functions and classes, the first of each name
    (each module text is parsed once: a mock exam asks for the same targets many times)."""
    out = {}
    for node in pyast.parse(text).body:
        if isinstance(node, (ast.FunctionDef, ast.ClassDef)):
            out.setdefault(node.name, (min([node.lineno] + [d.lineno for d in node.decorator_list]), node.end_lineno))
    return out


def definition_text(module, name):
    """The source of a module's top-level function or class `name` (LookupError if it has none)."""
    return _segment(module_text(module), module, name)


def target_source(target):
    segment = definition_text(target.module, target.name)
    return TargetSource(target.name, segment, pyast.parse(segment).body[0])


@lru_cache(maxsize=1024)
def _segment(text, module, name):
    """The source of the top-level definition `name` of a module's text (a mock exam asks ~400 times)."""
    where = _definitions(text).get(name)
    if where is None:
        raise LookupError(f"{module}:{name} is not defined at the top level of {module}")
    start, end = where
    return "\n".join(text.splitlines()[start - 1:end]) + "\n"


def imports_block(problem):
    """`import numpy as np` and the given helpers, grouped by module."""
    lines = ["import numpy as np"]
    by_module = {}
    for g in problem.given:
        by_module.setdefault(g.module, []).append(g.name)
    for module, names in by_module.items():
        lines.append(f"from {module} import {', '.join(names)}")
    return "\n".join(lines) + "\n"


def reference_answer(problem):
    """A complete answer file: the reference's own targets with the given imports."""
    parts = [imports_block(problem)]
    for target in problem.targets:
        parts.append(definition_text(target.module, target.name))
    return "\n\n".join(parts)

