"""Kind `function`: call a target with arguments and compare what it returns.

Case keys:
    name      short description (shapes, values)
    call      which target to call (required when the problem has several)
    args      list of argument specs (positional)
    kwargs    mapping of keyword argument specs
    dtypes    ['float64'] by default; float arrays in args take each dtype in turn
    compare   how values are compared: 'allclose' (default; 'values' is the same), 'exact', 'set'
              (order-free), 'sign_invariant' (per column), 'moments' (random output: keys, shapes,
              zero arrays, and mean/std within sampling error); rtol, atol and tolerance: float32 refine it
    extreme   true when the inputs are extreme (overflow checks); names the usual fix
    seed_numpy  np.random.seed(seed) right before the call (code drawing from NumPy's global generator)
    inplace   argument indices the function changes in place (clip_grads(grads, max_norm)): those
              arguments are compared after the call, the return value only with compare_return: true
"""
import numpy as np

from examprep.problem import casegen
from examprep.grade.kinds import COMPARE_KEYS, LearnerRaised, compare_mode, seed_numpy, validate_compare, Record, check_keys, guarded, observe, unchanged_record, validate_dtypes

KEYS = {"name", "call", "args", "kwargs", "dtypes", "extreme", "seed_numpy", "inplace", "compare_return"} | COMPARE_KEYS


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
    validate_compare(case)
    inplace = case.get("inplace", [])
    if not (isinstance(inplace, list) and all(isinstance(i, int) and 0 <= i < len(case.get("args", []))
                                              for i in inplace)):
        raise ValueError("inplace: expected a list of positional argument indices")
    if not isinstance(case.get("compare_return", False), bool):
        raise ValueError("compare_return: expected true or false")
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
    extreme = bool(case.get("extreme"))
    mode = compare_mode(case)
    inplace = case.get("inplace", [])
    record = Record("output", case["name"], dtype, f"{name}(...)", extreme=extreme, context=context, mode=mode,
                    compared=not inplace or bool(case.get("compare_return")))
    handed = casegen.copy_value(args)
    seed_numpy(case)
    try:
        record.value = observe(guarded(namespace[name], *handed, **casegen.copy_value(kwargs)))
    except LearnerRaised as exc:
        record.error = exc.info
    records = [record]
    if record.error is None:
        for i in inplace:
            records.append(Record("output", case["name"], dtype, f"argument {i} after {name}(...)", extreme=extreme,
                                  context=context, mode=mode, value=observe(handed[i])))
        unchanged = [a if i not in inplace else None for i, a in enumerate(args)]
        records.append(unchanged_record("output", case["name"], dtype, f"{name}(...) leaves its arguments unchanged",
                                        unchanged, handed, context))
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
