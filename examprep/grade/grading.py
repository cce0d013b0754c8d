"""Grading in-process: load a learner's source, exercise it like the reference, compare.

This module runs the learner's code in the current process; examprep.grade.sandbox runs it
in a separate process with time and memory limits, and is what the CLI uses.
"""
import importlib
import inspect
import linecache
import sys
import types

from examprep.grade import kinds
from examprep.grade.compare import compare
from examprep.grade.failure import Failure
from examprep.grade.kinds import ANSWER_FILENAME, describe_exception

DTYPE_SALT = {"float64": 0, "float32": 500}


def case_seed(base_seed, index, dtype):
    return base_seed * 100003 + index * 1009 + DTYPE_SALT[dtype]


def reference_namespace(problem):
    namespace = {}
    for target in problem.targets:
        namespace[target.name] = getattr(importlib.import_module(target.module), target.name)
    return namespace


def expected_records(problem, base_seed=0):
    """What the reference produces on every case, in checking order."""
    namespace = reference_namespace(problem)
    return _run_all(problem, namespace, base_seed, learner=False)


def _run_all(problem, namespace, base_seed, learner):
    kind = kinds.get(problem.kind)
    names = [t.name for t in problem.targets]
    records = []
    for index, case in enumerate(problem.cases):
        for dtype in case.get("dtypes", ["float64"]):
            records.extend(kind.run(namespace, case, dtype, case_seed(base_seed, index, dtype), learner, names))
    return records


class _Tripwire:
    """Stands in for a reference target while the learner's code runs."""

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


def install_tripwires(problem):
    """Replace the targets in the reference modules; return a function that restores them."""
    saved = []
    for target in problem.targets:
        module = importlib.import_module(target.module)
        saved.append((module, target.name, getattr(module, target.name)))
        setattr(module, target.name, _Tripwire(str(target)))

    def restore():
        for module, name, value in saved:
            setattr(module, name, value)
    return restore


def failure(check, ja, en, **details):
    return Failure(check, ja, en, stage="defined", details=details).to_json()


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


def grade_source(problem, source, expected, base_seed=0):
    """Grade one source text against expected records. Returns a failure dict or None.

    The reference targets must already be replaced by tripwires (install_tripwires).
    """
    module, fail = load_answer(source)
    if fail:
        return fail
    fail = check_defined(problem, module)
    if fail:
        return fail
    try:
        actual = _run_all(problem, module.__dict__, base_seed, learner=True)
    except DelegatesToReference as exc:
        return _delegation_failure(exc)
    fail = compare(expected, actual)
    fail = fail.to_json() if fail is not None else None
    error = (fail or {}).get("details", {}).get("error") or {}
    if error.get("type") == "DelegatesToReference":
        target = error["message"].rsplit(" ", 1)[-1]
        return _delegation_failure(DelegatesToReference(target, subclass="subclasses" in error["message"]))
    return fail


def count_checks(expected):
    return {"cases": len({(r.case, r.dtype) for r in expected}), "records": len(expected)}
