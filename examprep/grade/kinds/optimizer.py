"""Kind `optimizer`: a class with update(params, grads) over dicts of arrays.

Case keys:
    name         short description
    init_kwargs  mapping of constructor keyword specs (lr, momentum, beta1 ...)
    params       mapping name -> array spec: the parameters to optimise
    steps        number of update calls (each with fresh gradients; default 5)
    grad         options for the gradients: {margin: 0.5, scale: 0.5}. Gradients are
                 random sign times (margin + scale * |N(0, 1)|): kept away from zero so
                 that where an epsilon sits (book, paper, PyTorch) cannot change the
                 verdict. {margin: 0, scale: 0} gives all-zero gradients (a dead unit:
                 an adaptive method must not divide 0 by 0).
    dtypes       ['float64'] by default

Compared after every step: how far each parameter has moved from its start. The
trajectory over several steps is what proves the state (velocity, moments, step
count) is carried between calls; the state attributes themselves are not compared,
since equally correct conventions store different things (PyTorch keeps -v / lr as
its momentum buffer). Parameters must be updated in place: the book's networks
hold references to these arrays in their layers.
"""
import numpy as np

from examprep.problem import casegen
from examprep.grade.kinds import LearnerRaised, Record, check_keys, guarded, observe, validate_dtypes

KEYS = {"name", "init_kwargs", "params", "steps", "grad", "dtypes"}


def validate_case(case, target_names):
    check_keys(case, KEYS, required=("params",))
    if len(target_names) != 1:
        raise ValueError("targets: an optimizer problem has exactly one target class")
    if not isinstance(case.get("init_kwargs", {}), dict):
        raise ValueError("init_kwargs: expected a mapping")
    casegen.validate(list(case.get("init_kwargs", {}).values()), "init_kwargs")
    params = case["params"]
    if not (isinstance(params, dict) and params):
        raise ValueError("params: expected a mapping name -> array spec")
    for key, spec in params.items():
        casegen.validate(spec, f"params.{key}")
        if not (isinstance(spec, dict) and ("normal" in spec or "uniform" in spec or "away" in spec)):
            raise ValueError(f"params.{key}: expected an array spec (normal, uniform or away)")
    if not (isinstance(case.get("steps", 5), int) and case.get("steps", 5) >= 1):
        raise ValueError("steps: expected a positive integer")
    grad = case.get("grad", {})
    if not (isinstance(grad, dict) and set(grad) <= {"margin", "scale"}):
        raise ValueError("grad: expected a mapping with 'margin' and/or 'scale'")
    validate_dtypes(case)


def _shape_of(spec):
    return next(spec[k] for k in ("normal", "uniform", "away") if k in spec)


def run(namespace, case, dtype, seed, learner, target_names):
    rng = np.random.default_rng(seed)
    init_kwargs = {k: casegen.build(v, rng, dtype) for k, v in case.get("init_kwargs", {}).items()}
    start = {k: casegen.build(v, rng, dtype) for k, v in case["params"].items()}
    grad_opts = {"margin": 0.5, "scale": 0.5, **case.get("grad", {})}
    steps = case.get("steps", 5)
    grads_per_step = [
        {k: casegen.build({"away": _shape_of(spec), **grad_opts}, rng, dtype) for k, spec in case["params"].items()}
        for _ in range(steps)]

    name = case["name"]
    context = {"init_kwargs": init_kwargs, "params": {k: list(v.shape) for k, v in start.items()}, "steps": steps}
    records = []
    try:
        optimizer = guarded(namespace[target_names[0]], **init_kwargs)
    except LearnerRaised as exc:
        records.append(Record("output", name, dtype, "constructor", error=exc.info, context=context))
        return records
    params = casegen.copy_value(start)
    arrays = dict(params)  # the original array objects, to see that they are updated in place
    for step, grads in enumerate(grads_per_step, start=1):
        ctx = dict(context, step=step)
        try:
            guarded(optimizer.update, params, casegen.copy_value(grads))
        except LearnerRaised as exc:
            records.append(Record("output", name, dtype, f"update (step {step})", error=exc.info, context=ctx))
            return records
        for key in start:
            current = params.get(key)
            # Judged in the parent: updated in place (the same object), then how far it moved.
            r = Record("output", name, dtype, f"params['{key}'] moved after step {step}", context=ctx,
                       check="in_place", observed={"param": key, "same_object": current is arrays[key]})
            records.append(r)
            if current is not arrays[key]:
                return records
            r.value = observe(current - start[key])
    return records
