"""Grading, split at the process boundary.

In the grader's process (examprep.grade.sandbox): expected_records() runs the reference,
given_sources() says what of the reference the learner's process may hold, judge() compares
the learner's records (rebuilt from bytes by examprep.grade.wire) with the reference's.

In the learner's process (examprep.grade.worker): install_standins(), then learner_records()
loads the answer, checks its targets are its own and runs the kinds on them. Nothing there
decides a verdict: it only produces raw records, or a failure that happened before any
record could be made (syntax, import, undefined target, delegation).
"""
import ast
import importlib
import inspect
import linecache
import sys
import types

from examprep.grade import kinds
from examprep.grade.compare import compare
from examprep.grade.failure import Failure
from examprep.grade.kinds import ANSWER_FILENAME, describe_exception
from examprep.common import pyast

def reference_namespace(problem):
    namespace = {}
    for target in problem.targets:
        namespace[target.name] = getattr(importlib.import_module(target.module), target.name)
    return namespace


def expected_records(problem, base_seed=0):
    """What the reference produces on every case, in checking order (in the grader's process only)."""
    namespace = reference_namespace(problem)
    return _run_all(problem, namespace, base_seed, learner=False)


def _run_all(problem, namespace, base_seed, learner):
    return kinds.run_cases(problem, namespace, base_seed, learner)


# --- what the learner's process gets of the reference: the given definitions only -----------

def given_sources(problem, module_text=None):
    """{module name: source text} for every reference module the problem names or its given
    definitions use, in the order they must be executed (a module after those it imports from).

    A module's text holds the problem's `given` definitions, the top-level definitions and
    assignments they use (transitively, across `from reference.x import y` and
    `import reference.x as m`), those reference imports, and the module's imports of other
    packages; never a target of the problem. The learner's worker executes each into a stand-in
    module of that name, so an answer can import its given helpers while the targets' code is
    never in its memory.
    """
    from examprep.hole.holes import AST_LOCK
    from examprep.problem import source

    with AST_LOCK:  # CPython 3.11's ast is not thread-safe; the exam proves problems in threads
        return _given_sources(problem, module_text or source.module_text)


def _given_sources(problem, module_text):
    forbidden = {(t.module, t.name) for t in problem.targets}
    parsed = {}

    def parse(module):
        if module not in parsed:
            parsed[module] = _ModuleParts(module_text(module))
        return parsed[module]

    keep = {}            # module -> set of names kept
    kept_imports = {}    # module -> set of import nodes kept
    todo = [(g.module, g.name) for g in problem.given]
    for t in problem.targets:
        parse(t.module)
        keep.setdefault(t.module, set())
    while todo:
        module, name = todo.pop()
        parts = parse(module)
        names = keep.setdefault(module, set())
        if (module, name) in forbidden or name in names or name not in parts.defined:
            continue
        names.add(name)
        for sub in ast.walk(parts.defined[name]):
            if isinstance(sub, ast.Name):
                if sub.id in parts.defined:
                    todo.append((module, sub.id))
                elif sub.id in parts.from_reference:
                    other, original = parts.from_reference[sub.id]
                    kept_imports.setdefault(module, set()).add(("from", other, original, sub.id))
                    todo.append((other, original))
            elif (isinstance(sub, ast.Attribute) and isinstance(sub.value, ast.Name)
                  and sub.value.id in parts.module_aliases):
                other = parts.module_aliases[sub.value.id]
                kept_imports.setdefault(module, set()).add(("module", other, None, sub.value.id))
                todo.append((other, sub.attr))
    texts = {module: parsed[module].text(keep[module], kept_imports.get(module, set())) for module in keep}
    order, seen = [], set()

    def visit(module):
        if module in seen:
            return
        seen.add(module)
        for _, other, _, _ in kept_imports.get(module, ()):
            if other in texts:
                visit(other)
        order.append(module)

    for module in sorted(texts):
        visit(module)
    return {module: texts[module] for module in order}


class _ModuleParts:
    """A reference module's top level: definitions, plain imports, imports from other reference modules."""

    def __init__(self, text):
        self.source = text
        self.tree = pyast.parse(text)
        self.defined, self.imports, self.from_reference, self.module_aliases = {}, [], {}, {}
        for node in self.tree.body:
            if isinstance(node, (ast.FunctionDef, ast.ClassDef)):
                self.defined[node.name] = node
            elif isinstance(node, ast.Assign) and all(isinstance(t, ast.Name) for t in node.targets):
                for t in node.targets:
                    self.defined[t.id] = node
            elif isinstance(node, ast.ImportFrom) and node.level == 0 and (node.module or "").split(".")[0] == "reference":
                for alias in node.names:
                    self.from_reference[alias.asname or alias.name] = (node.module, alias.name)
            elif isinstance(node, ast.Import) and any(a.name.split(".")[0] == "reference" for a in node.names):
                for alias in node.names:
                    if alias.asname and alias.name.startswith("reference."):
                        self.module_aliases[alias.asname] = alias.name
            elif isinstance(node, (ast.Import, ast.ImportFrom)):
                self.imports.append(node)

    def text(self, names, reference_imports):
        """The kept part: other imports, the reference imports used (only the names used), definitions."""
        nodes = set(self.defined[n] for n in names)
        lines = [ast.get_source_segment(self.source, n, padded=False) for n in self.imports]
        for how, other, original, alias in sorted(reference_imports):
            if how == "module":
                lines.append(f"import {other} as {alias}")
            else:
                lines.append(f"from {other} import {original}" + (f" as {alias}" if alias != original else ""))
        body = [ast.get_source_segment(self.source, n, padded=False) for n in self.tree.body if n in nodes]
        return "\n".join(lines) + "\n\n\n" + "\n\n\n".join(body) + "\n"


class _Tripwire:
    """Stands in for a reference target in the learner's process."""

    _examprep_tripwire = True

    def __init__(self, target):
        self.target = target

    def __call__(self, *args, **kwargs):
        raise DelegatesToReference(self.target)

    def __mro_entries__(self, bases):
        raise DelegatesToReference(self.target, subclass=True)


class DelegatesToReference(Exception):
    def __init__(self, target, subclass=False):
        self.target = target
        self.subclass = subclass
        how = "subclasses" if subclass else "calls"
        super().__init__(f"the answer {how} the reference's own {target}")


def install_standins(problem, given):
    """In the learner's process: `reference` and its modules as stand-ins holding the given
    definitions (given_sources) and a tripwire for each target. No other reference module
    can be imported (the stand-in package has no path)."""
    package = types.ModuleType("reference")
    package.__path__ = []
    package.__file__ = None
    sys.modules["reference"] = package
    for module_name, text in given.items():
        module = types.ModuleType(module_name)
        module.__file__ = None
        sys.modules[module_name] = module
        setattr(package, module_name.rsplit(".", 1)[-1], module)
        exec(compile(text, f"<given {module_name}>", "exec"), module.__dict__)
    for target in problem.targets:
        setattr(sys.modules[target.module], target.name, _Tripwire(str(target)))


def failure(check, ja, en, **details):
    return Failure(check, ja, en, stage="defined", details=details)


def load_answer(source, module_name="examprep_answer"):
    """Execute the learner's source as a fresh module. Returns (module, failure)."""
    try:
        code = compile(source, ANSWER_FILENAME, "exec")
    except SyntaxError as exc:
        line = (exc.text or "").rstrip()
        return None, failure("syntax", f"{exc.lineno} 行目に文法エラーがあります: {exc.msg}\n    {line}",
                             f"Syntax error on line {exc.lineno}: {exc.msg}\n    {line}",
                             line=exc.lineno, code=line, message=exc.msg)
    linecache.cache[ANSWER_FILENAME] = (len(source), None, source.splitlines(True), ANSWER_FILENAME)
    module = types.ModuleType(module_name)
    module.__file__ = ANSWER_FILENAME
    sys.modules[module_name] = module
    try:
        exec(code, module.__dict__)
    except KeyboardInterrupt:
        raise
    except DelegatesToReference as exc:
        return None, _delegation_failure(exc)
    except BaseException as exc:  # noqa: BLE001 - anything the learner's module does at import
        info = describe_exception(exc)
        where = f" (line {info['line']}: {info['code']})" if info.get("line") else ""
        where_ja = f"({info['line']} 行目: {info['code']})" if info.get("line") else ""
        return None, failure("import", f"ファイルの読み込み中に {info['type']} が発生しました{where_ja}: {info['message']}",
                             f"{info['type']} while loading the file{where}: {info['message']}", error=info)
    return module, None


def _delegation_failure(exc):
    return failure("delegates",
                   f"解答が参照実装の {exc.target} を{'継承' if exc.subclass else '呼び出'}しています。"
                   f"自分で実装してください。",
                   f"The answer {'subclasses' if exc.subclass else 'calls'} the reference's own {exc.target}: "
                   f"write it yourself.", target=exc.target)


def check_defined(problem, module):
    for target in problem.targets:
        obj = module.__dict__.get(target.name)
        if obj is None:
            return failure("defined", f"{target.name} が定義されていません。", f"{target.name} is not defined.",
                           target=target.name)
        if getattr(obj, "_examprep_tripwire", False) or (getattr(obj, "__module__", "") or "").startswith("reference"):
            return failure("delegates", f"{target.name} を参照実装から import しています。自分で実装してください。",
                           f"{target.name} is imported from the reference: write it yourself.", target=target.name)
        if problem.kind == "function" and not callable(obj):
            return failure("defined", f"{target.name} は関数である必要があります。",
                           f"{target.name} must be a function.", target=target.name)
        if problem.kind != "function":
            if not inspect.isclass(obj):
                return failure("defined", f"{target.name} はクラスである必要があります。",
                               f"{target.name} must be a class.", target=target.name)
            for base in obj.__mro__[1:]:
                if (base.__module__ or "").startswith("reference"):
                    return failure("delegates", f"{target.name} が参照実装のクラスを継承しています。",
                                   f"{target.name} subclasses the reference's class {base.__name__}.",
                                   target=target.name)
    return None


def learner_records(problem, source, base_seed=0):
    """In the learner's process: (failure, None) or (None, records). install_standins first."""
    module, fail = load_answer(source)
    if fail:
        return fail, None
    fail = check_defined(problem, module)
    if fail:
        return fail, None
    try:
        return None, _run_all(problem, module.__dict__, base_seed, learner=True)
    except DelegatesToReference as exc:
        return _delegation_failure(exc), None


def judge(expected, failure, actual, notes=None, problem=None, seed=0):
    """In the grader's process: the first Failure, or None when the learner's records match.

    `failure` / `actual` come from the learner's process (decoded by examprep.grade.wire); a
    record the learner's side left out fails as 'missing' (compare). notes: a list that
    collects the comparison's advice ({ja, en}). problem: when given, a failure the answer shares with another
    known convention of the problem names it (examprep.grade.conventions).
    """
    if failure is not None:
        return failure
    fail = compare(expected, actual, notes)
    if fail is not None and problem is not None:
        from examprep.grade import conventions

        fail = conventions.diagnose(problem, fail, actual, seed)
    error = ((fail.details or {}).get("error") if fail is not None else None) or {}
    if error.get("type") == "DelegatesToReference":
        target = str(error.get("message", "")).rsplit(" ", 1)[-1]
        return _delegation_failure(DelegatesToReference(target, subclass="subclasses" in str(error.get("message"))))
    return fail


def interfered(reason):
    return failure("interfered", "解答のコードが採点処理に干渉しました (採点用のデータが壊れているか、欠けています)。"
                   "不合格として扱います。",
                   "The answer interfered with the grader (the grading data it sent is damaged or incomplete): "
                   "it does not pass.", reason=str(reason)[:300])


def count_checks(expected):
    return {"cases": len({(r.case, r.dtype) for r in expected}), "records": len(expected)}
