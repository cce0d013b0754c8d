"""Kind `function`: call a target with arguments and compare what it returns.

Case keys:
    name      short description (shapes, values)
    call      which target to call (required when the problem has several)
    args      list of argument specs (positional)
    kwargs    mapping of keyword argument specs
    dtypes    ['float64'] by default; float arrays in args take each dtype in turn
    compare   'values' (default) or 'moments' (random output: keys, shapes, zero arrays,
              and mean/std within sampling error instead of exact values)
    extreme   true when the inputs are extreme (overflow checks); names the usual fix
"""
import numpy as np

from examprep.problem import casegen
from examprep.grade.kinds import LearnerRaised, Record, check_keys, guarded, unchanged_check, validate_dtypes

KEYS = {"name", "call", "args", "kwargs", "dtypes", "compare", "extreme"}


def validate_case(case, target_names):
    check_keys(case, KEYS)
    call = case.get("call")
    if call is None and len(target_names) != 1:
        raise ValueError(f"call: missing; expected one of {sorted(target_names)}")
    if call is not None and call not in target_names:
        raise ValueError(f"call: expected one of {sorted(target_names)}, got {call!r}")
    if not isinstance(case.get("args", []), list):
        raise ValueError("args: expected a list of argument specs")
    if not isinstance(case.get("kwargs", {}), dict):
        raise ValueError("kwargs: expected a mapping of argument specs")
    casegen.validate(case.get("args", []), "args")
    casegen.validate(list(case.get("kwargs", {}).values()), "kwargs")
    if case.get("compare", "values") not in ("values", "moments"):
        raise ValueError("compare: expected 'values' or 'moments'")
    validate_dtypes(case)


def target_name(case, namespace_targets):
    return case.get("call") or namespace_targets[0]


def run(namespace, case, dtype, seed, learner, target_names):
    rng = np.random.default_rng(seed)
    args = casegen.build(case.get("args", []), rng, dtype)
    kwargs = {k: casegen.build(v, rng, dtype) for k, v in case.get("kwargs", {}).items()}
    name = target_name(case, target_names)
    context = {"call": name, "args": _describe(args), "kwargs": _describe(kwargs),
               "arg_shapes": [list(a.shape) if isinstance(a, np.ndarray) else None for a in args]}
    record = Record("output", case["name"], dtype, f"{name}(...)", extreme=bool(case.get("extreme")),
                    context=context)
    handed = casegen.copy_value(args)
    try:
        record.value = guarded(namespace[name], *handed, **casegen.copy_value(kwargs))
    except LearnerRaised as exc:
        record.error = exc.info
    if case.get("compare") == "moments":
        record.context["compare"] = "moments"
    records = [record]
    if record.error is None:
        records.append(Record("output", case["name"], dtype, f"{name}(...) leaves its arguments unchanged",
                              check=unchanged_check(args, handed, f"{name}(...)"), context=context))
    return records


def _describe(value):
    if isinstance(value, np.ndarray):
        return f"array{tuple(value.shape)} {value.dtype}"
    if isinstance(value, list):
        return [_describe(v) for v in value]
    if isinstance(value, dict):
        return {k: _describe(v) for k, v in value.items()}
    if callable(value):
        return getattr(value, "__name__", "function").lstrip("_")
    if isinstance(value, np.random.Generator):
        return "numpy Generator"
    return value
