"""Kind `layer`: a class with forward(...) / backward(dout), gradients as attributes.

Case keys:
    name         short description
    init         list of constructor argument specs (e.g. W, b), kwargs in init_kwargs
    init_kwargs  mapping of constructor keyword specs (stride, pad, momentum ...)
    params       attribute names of the parameters; their gradients are d<name> (W -> dW)
    state        attribute names compared after every step (running_mean ...)
    steps        list of steps, each:
                   forward         list of argument specs for forward (x, t ...)
                   forward_kwargs  mapping (train_flg ...)
                   backward        'random' (a random upstream gradient shaped like the output,
                                   the default), 'default' (backward() with no argument: loss
                                   layers) or 'none'
                   repeat          run this step several times with fresh inputs
    wrt          indices of forward arguments whose gradients backward returns (default [0])
    numgrad      numerical gradient check of the learner's forward against their backward
                 (default true; runs in float64 only)
    dtypes       ['float64'] by default
    extreme      true when the inputs are extreme (overflow checks)
"""
import numpy as np

from examprep.problem import casegen
from examprep.grade.kinds import LearnerRaised, Record, check_keys, describe_exception, guarded, observe, unchanged_record, validate_dtypes

KEYS = {"name", "init", "init_kwargs", "params", "state", "steps", "wrt", "numgrad", "dtypes", "extreme"}
STEP_KEYS = {"forward", "forward_kwargs", "backward", "repeat"}
NUMGRAD_H = 1e-5
NUMGRAD_DIRECTIONS = 3


def validate_case(case, target_names):
    check_keys(case, KEYS, required=("steps",))
    if len(target_names) != 1:
        raise ValueError("targets: a layer problem has exactly one target class")
    casegen.validate(case.get("init", []), "init")
    if not isinstance(case.get("init_kwargs", {}), dict):
        raise ValueError("init_kwargs: expected a mapping")
    casegen.validate(list(case.get("init_kwargs", {}).values()), "init_kwargs")
    for key in ("params", "state"):
        value = case.get(key, [])
        if not (isinstance(value, list) and all(isinstance(v, str) and v.isidentifier() for v in value)):
            raise ValueError(f"{key}: expected a list of attribute names")
    steps = case["steps"]
    if not (isinstance(steps, list) and steps):
        raise ValueError("steps: expected a non-empty list")
    for i, step in enumerate(steps):
        if not isinstance(step, dict):
            raise ValueError(f"steps[{i}]: expected a mapping")
        for key in step:
            if key not in STEP_KEYS:
                raise ValueError(f"steps[{i}].{key}: unknown key; expected one of {sorted(STEP_KEYS)}")
        if not isinstance(step.get("forward"), list):
            raise ValueError(f"steps[{i}].forward: expected a list of argument specs")
        casegen.validate(step["forward"], f"steps[{i}].forward")
        casegen.validate(list(step.get("forward_kwargs", {}).values()), f"steps[{i}].forward_kwargs")
        if step.get("backward", "random") not in ("random", "default", "none"):
            raise ValueError(f"steps[{i}].backward: expected 'random', 'default' or 'none'")
        if not (isinstance(step.get("repeat", 1), int) and step.get("repeat", 1) >= 1):
            raise ValueError(f"steps[{i}].repeat: expected a positive integer")
    wrt = case.get("wrt", [0])
    if not (isinstance(wrt, list) and all(isinstance(i, int) and i >= 0 for i in wrt)):
        raise ValueError("wrt: expected a list of argument indices")
    validate_dtypes(case)


def expand_steps(case):
    steps = []
    for step in case["steps"]:
        steps.extend([step] * step.get("repeat", 1))
    return steps


class _Inputs:
    """Every value one run of a case needs, drawn once so that both sides see the same numbers."""

    def __init__(self, case, dtype, seed):
        rng = np.random.default_rng(seed)
        self.init = casegen.build(case.get("init", []), rng, dtype)
        self.init_kwargs = {k: casegen.build(v, rng, dtype) for k, v in case.get("init_kwargs", {}).items()}
        self.steps = []
        for step in expand_steps(case):
            args = casegen.build(step["forward"], rng, dtype)
            kwargs = {k: casegen.build(v, rng, dtype) for k, v in step.get("forward_kwargs", {}).items()}
            self.steps.append((args, kwargs, step.get("backward", "random")))
        self.dout_seed = int(rng.integers(0, 2 ** 31))


def _dout_for(out, seed, step_index, dtype):
    """A random, non-uniform upstream gradient shaped like the forward output (None when it has no shape)."""
    rng = np.random.default_rng(seed + step_index)
    try:
        shape = np.shape(out)
    except ValueError:
        return None  # a ragged tuple or list: the output comparison reports it
    return rng.standard_normal(shape).astype(dtype) if shape else float(rng.standard_normal())


def run(namespace, case, dtype, seed, learner, target_names):
    cls = namespace[target_names[0]]
    inputs = _Inputs(case, dtype, seed)
    name = case["name"]
    extreme = bool(case.get("extreme"))
    params = case.get("params", [])
    records = []

    def rec(stage, what, **kw):
        r = Record(stage, name, dtype, what, extreme=extreme, context=dict(context), **kw)
        records.append(r)
        return r

    context = {"init": _shapes(inputs.init), "init_kwargs": _shapes(inputs.init_kwargs)}
    init_args = casegen.copy_value(inputs.init)
    try:
        layer = guarded(cls, *init_args, **casegen.copy_value(inputs.init_kwargs))
    except LearnerRaised as exc:
        rec("output", "constructor", error=exc.info)
        return records

    first_backward = None
    for k, (args, kwargs, backward) in enumerate(inputs.steps, start=1):
        if k > 1 and _update_in_place(init_args):
            context["parameters_updated"] = True
            context["kept_copies"] = _kept_copies(layer, params, init_args)
        context.update(forward=_shapes(args), forward_kwargs=_shapes(kwargs), step=k)
        out_rec = rec("output", f"forward output (step {k})")
        handed = casegen.copy_value(args)
        try:
            out_rec.value = guarded(layer.forward, *handed, **casegen.copy_value(kwargs))
        except LearnerRaised as exc:
            out_rec.error = exc.info
            return records
        out_rec.value = observe(out_rec.value)  # a copy: later calls must not change what was recorded
        # The book's Relu.backward writes into dout, which is accepted; forward must leave x alone.
        records.append(unchanged_record("output", name, dtype, f"forward leaves its input unchanged (step {k})",
                                        args, handed, dict(context, call="forward")))
        for attr in case.get("state", []):
            _attribute(rec("state", f"{attr} (after step {k})"), layer, attr, copy=True)
        if backward == "none":
            continue
        if first_backward is None:
            first_backward = k
        dout = _dout_for(out_rec.value, inputs.dout_seed, k, dtype)
        if dout is None or not isinstance(out_rec.value, (np.ndarray, float, int, np.number)):
            return records  # not an array or a number: the output comparison says so, backward cannot run
        back_rec = rec("backward", f"backward return (step {k})")
        try:
            if backward == "default":
                back_rec.value = observe(guarded(layer.backward))
            else:
                back_rec.value = observe(guarded(layer.backward, casegen.copy_value(dout)))
        except LearnerRaised as exc:
            back_rec.error = exc.info
            return records
        for p in params:
            _attribute(rec("backward", f"d{p} (step {k})"), layer, "d" + p, copy=True)

    if case.get("numgrad", True) and dtype == "float64" and first_backward is not None:
        records.extend(_numerical_check(cls, case, inputs, first_backward, dtype, context))
    return records


def _update_in_place(arrays):
    """Change the float arrays handed to the constructor in place, as an optimizer does between steps.

    The book's networks hand each layer the very arrays the optimizer updates
    (Affine(self.params['W1'], ...)); a layer that keeps copies silently stops
    learning. Returns whether anything was updated.
    """
    updated = False
    for value in arrays:
        if isinstance(value, np.ndarray) and value.dtype.kind == "f":
            value *= 0.9
            value += 0.05
            updated = True
    return updated


def _kept_copies(layer, params, init_args):
    """The parameter attributes that share no memory with any array handed to the constructor."""
    given = [a for a in init_args if isinstance(a, np.ndarray)]
    out = []
    for p in params:
        value = getattr(layer, p, None)
        if isinstance(value, np.ndarray) and not any(np.shares_memory(value, a) for a in given):
            out.append(p)
    return out


def _attribute(record, obj, attr, copy):
    try:
        value = getattr(obj, attr)
    except AttributeError:
        record.error = {"type": "AttributeError", "message": f"the layer has no attribute '{attr}'",
                        "missing_attribute": attr}
        return
    except Exception as exc:  # noqa: BLE001 - a property in the learner's class may raise anything
        record.error = describe_exception(exc)
        return
    record.value = observe(value)


def _shapes(value):
    if isinstance(value, np.ndarray):
        return list(value.shape)
    if isinstance(value, list):
        return [_shapes(v) for v in value]
    if isinstance(value, dict):
        return {k: _shapes(v) for k, v in value.items()}
    return value


def _numerical_check(cls, case, inputs, step_index, dtype, context):
    """Directional derivatives of the learner's own forward against their own backward.

    L = sum(forward(x) * dout) (or the loss itself for backward()), differentiated
    along a few random directions by central differences, for every input in wrt
    and every parameter attribute.
    """
    name = case["name"]
    records = []
    rng = np.random.default_rng(inputs.dout_seed + 7919)
    try:
        layer = guarded(cls, *casegen.copy_value(inputs.init), **casegen.copy_value(inputs.init_kwargs))
        for k in range(1, step_index):
            args, kwargs, _ = inputs.steps[k - 1]
            guarded(layer.forward, *casegen.copy_value(args), **casegen.copy_value(kwargs))
        args, kwargs, backward = inputs.steps[step_index - 1]
        args = casegen.copy_value(args)
        out = guarded(layer.forward, *casegen.copy_value(args), **casegen.copy_value(kwargs))
        dout = _dout_for(out, inputs.dout_seed, step_index, dtype)
        dx = guarded(layer.backward) if backward == "default" else guarded(layer.backward, np.copy(dout))
        dxs = dx if isinstance(dx, tuple) else (dx,)
        grads = {p: np.array(getattr(layer, "d" + p)) for p in case.get("params", []) if hasattr(layer, "d" + p)}

        def loss():
            out = guarded(layer.forward, *casegen.copy_value(args), **casegen.copy_value(kwargs))
            return float(out) if backward == "default" else float(np.sum(np.asarray(out) * dout))

        targets = []
        for i, idx in enumerate(case.get("wrt", [0])):
            if idx < len(args) and isinstance(args[idx], np.ndarray) and i < len(dxs):
                targets.append((f"dx (input {idx})" if idx else "dx", args[idx], np.asarray(dxs[i])))
        for p, g in grads.items():
            targets.append((f"d{p}", getattr(layer, p), g))
        for label, array, analytic in targets:
            if np.shape(analytic) != np.shape(array):
                continue  # the shape mismatch is reported by the comparison with the reference
            directions, numeric = [], []
            for _ in range(NUMGRAD_DIRECTIONS):
                d = rng.standard_normal(array.shape)
                original = array.copy()
                array += NUMGRAD_H * d
                plus = loss()
                array[...] = original - NUMGRAD_H * d
                minus = loss()
                array[...] = original
                directions.append(d)
                numeric.append((plus - minus) / (2 * NUMGRAD_H))
            # Raw observations: the parent computes the directional derivatives and judges them.
            records.append(Record("numgrad", name, dtype, label, check="numgrad", compared=False,
                                  observed={"analytic": observe(analytic), "directions": directions,
                                            "numeric": numeric}, context=dict(context)))
    except LearnerRaised as exc:
        records.append(Record("numgrad", name, dtype, "numerical gradient", error=exc.info, context=dict(context)))
    except (TypeError, ValueError) as exc:
        # The learner's forward returned something that is not a number or an array of the right shape; the
        # comparison with the reference reports that first, so this record is never the one shown.
        records.append(Record("numgrad", name, dtype, "numerical gradient", context=dict(context),
                              error={"type": type(exc).__name__, "message": str(exc)[:300]}))
    return records
