"""Kind `layer`: a class driven by a script of steps: forward / backward, and other method calls.

Case keys:
    name         short description
    target       which target class (required when the problem has several)
    init         list of constructor argument specs (e.g. W, b), kwargs in init_kwargs
    init_kwargs  mapping of constructor keyword specs (stride, pad, momentum ...)
    params       the parameters: attribute paths (`W`, `attn.W_q`; the gradient of `a.W` is `a.dW`), or
                 `lists`: ❷-style `self.params` / `self.grads` lists (grads compared by position; each
                 grads[i] must be the same array after backward as before: grads[i][...] = dW)
    state        attribute paths compared after every step (running_mean, h ...)
    steps        list of steps, each one of:
                   {forward: [specs], forward_kwargs: {...}, backward: ..., repeat: n}
                       backward: 'random' (default: one random upstream gradient per output, shaped
                       like it), 'default' (backward() with no argument: loss layers), 'none', or a
                       list with one entry per output: 'random', null (the book passes None) or a spec
                   {call: method, args: [specs], kwargs: {...}, compare: true|false, repeat: n}
                       any other method (reset_state, set_state(h, c), generate ...); with compare
                       its return value is compared
    wrt          indices of forward arguments whose gradients backward returns, in order (default [0])
    numgrad      numerical gradient check of the learner's forward against their backward (default
                 true; float64 cases): of Σ⟨outᵢ, doutᵢ⟩ over every float input in wrt and every
                 parameter, at the first step with a backward, from a copy of the layer's state then
    seed_numpy   np.random.seed right before the constructor and each step (layers drawing inside)
    compare, rtol, atol, tolerance   how outputs are compared (examprep.grade.values)
    dtypes       ['float64'] by default
    extreme      true when the inputs are extreme (overflow checks)
"""
import numpy as np

from examprep.grade.kinds import (COMPARE_KEYS, LearnerRaised, Record, check_keys, compare_mode, describe_exception,
                                  guarded, observe, seed_numpy, unchanged_record, validate_compare, validate_dtypes)
from examprep.grade.kinds import numgrad
from examprep.problem import casegen

KEYS = {"name", "target", "init", "init_kwargs", "params", "state", "steps", "wrt", "numgrad", "dtypes", "extreme",
        "seed_numpy"} | COMPARE_KEYS
FORWARD_KEYS = {"forward", "forward_kwargs", "backward", "repeat"}
CALL_KEYS = {"call", "args", "kwargs", "compare", "repeat"}


def _is_path(text):
    return isinstance(text, str) and text and all(part.isidentifier() for part in text.split("."))


def validate_case(case, target_names):
    check_keys(case, KEYS, required=("steps",))
    target = case.get("target")
    if target is None and len(target_names) != 1:
        raise ValueError(f"target: missing; the problem has several targets: {sorted(target_names)}")
    if target is not None and target not in target_names:
        raise ValueError(f"target: expected one of {sorted(target_names)}, got {target!r}")
    casegen.validate(case.get("init", []), "init")
    if not isinstance(case.get("init_kwargs", {}), dict):
        raise ValueError("init_kwargs: expected a mapping")
    casegen.validate(list(case.get("init_kwargs", {}).values()), "init_kwargs")
    params = case.get("params", [])
    if params != "lists" and not (isinstance(params, list) and all(_is_path(v) for v in params)):
        raise ValueError("params: expected a list of attribute paths (W, attn.W_q) or 'lists' (self.params / "
                         "self.grads)")
    state = case.get("state", [])
    if not (isinstance(state, list) and all(_is_path(v) for v in state)):
        raise ValueError("state: expected a list of attribute paths")
    steps = case["steps"]
    if not (isinstance(steps, list) and steps):
        raise ValueError("steps: expected a non-empty list")
    for i, step in enumerate(steps):
        _validate_step(step, f"steps[{i}]")
    wrt = case.get("wrt", [0])
    if not (isinstance(wrt, list) and all(isinstance(i, int) and i >= 0 for i in wrt)):
        raise ValueError("wrt: expected a list of argument indices")
    if not isinstance(case.get("numgrad", True), bool):
        raise ValueError("numgrad: expected true or false")
    validate_compare(case)
    validate_dtypes(case)


def _validate_step(step, where):
    if not isinstance(step, dict):
        raise ValueError(f"{where}: expected a mapping")
    keys = CALL_KEYS if "call" in step else FORWARD_KEYS
    for key in step:
        if key not in keys:
            raise ValueError(f"{where}.{key}: unknown key; expected one of {sorted(keys)}")
    if not (isinstance(step.get("repeat", 1), int) and step.get("repeat", 1) >= 1):
        raise ValueError(f"{where}.repeat: expected a positive integer")
    if "call" in step:
        if not (isinstance(step["call"], str) and step["call"].isidentifier() and not step["call"].startswith("_")):
            raise ValueError(f"{where}.call: expected a method name such as reset_state")
        if not isinstance(step.get("args", []), list) or not isinstance(step.get("kwargs", {}), dict):
            raise ValueError(f"{where}: args must be a list and kwargs a mapping")
        casegen.validate(step.get("args", []), f"{where}.args")
        casegen.validate(list(step.get("kwargs", {}).values()), f"{where}.kwargs")
        if not isinstance(step.get("compare", False), bool):
            raise ValueError(f"{where}.compare: expected true or false")
        return
    if not isinstance(step.get("forward"), list):
        raise ValueError(f"{where}.forward: expected a list of argument specs")
    casegen.validate(step["forward"], f"{where}.forward")
    casegen.validate(list(step.get("forward_kwargs", {}).values()), f"{where}.forward_kwargs")
    backward = step.get("backward", "random")
    if isinstance(backward, list):
        for j, entry in enumerate(backward):
            if entry != "random":
                casegen.validate(entry, f"{where}.backward[{j}]")
    elif backward not in ("random", "default", "none"):
        raise ValueError(f"{where}.backward: expected 'random', 'default', 'none' or a list (one entry per output)")


def expand_steps(case):
    steps = []
    for step in case["steps"]:
        steps.extend([step] * step.get("repeat", 1))
    return steps


class Step:
    """One step with its values drawn."""

    def __init__(self, spec, rng, dtype):
        self.call = spec.get("call")
        self.compare = bool(spec.get("compare", False))
        self.args = casegen.build(spec.get("args" if self.call else "forward", []), rng, dtype)
        self.kwargs = {k: casegen.build(v, rng, dtype)
                       for k, v in spec.get("kwargs" if self.call else "forward_kwargs", {}).items()}
        self.backward = "none" if self.call else spec.get("backward", "random")
        self.backward_specs = None
        if isinstance(self.backward, list):
            self.backward_specs = [e if e == "random" else casegen.build(e, rng, dtype) for e in self.backward]


class Inputs:
    """Every value one run of a case needs, drawn once so that both sides see the same numbers."""

    def __init__(self, case, dtype, seed):
        rng = np.random.default_rng(seed)
        self.init = casegen.build(case.get("init", []), rng, dtype)
        self.init_kwargs = {k: casegen.build(v, rng, dtype) for k, v in case.get("init_kwargs", {}).items()}
        self.steps = [Step(spec, rng, dtype) for spec in expand_steps(case)]
        self.dout_seed = int(rng.integers(0, 2 ** 31))


def douts_for(out, step, seed, step_index, dtype):
    """The upstream gradients of a step: a tuple with one per output (a tuple output), or one array.

    None when the output has no shape a gradient could take (the output comparison reports it).
    """
    rng = np.random.default_rng(seed + step_index)

    def like(value):
        if isinstance(value, np.ndarray) and value.dtype.kind in "fc":
            return rng.standard_normal(value.shape).astype(dtype)
        if isinstance(value, (float, np.floating)):
            return float(rng.standard_normal())
        return None

    outputs = out if isinstance(out, tuple) else (out,)
    specs = step.backward_specs or ["random"] * len(outputs)
    if len(specs) != len(outputs):
        return None
    douts = []
    for value, spec in zip(outputs, specs):
        if isinstance(spec, str) and spec == "random":
            g = like(value)
            if g is None:
                return None
            douts.append(g)
        else:
            douts.append(casegen.copy_value(spec))
    return tuple(douts) if isinstance(out, tuple) else douts[0]


def get_path(obj, path):
    for part in path.split("."):
        obj = getattr(obj, part)
    return obj


def grad_path(path):
    """The gradient attribute of a parameter path: W -> dW, attn.W_q -> attn.dW_q."""
    head, _, last = path.rpartition(".")
    return f"{head}.d{last}" if head else f"d{last}"


def param_arrays(layer, case):
    """[(label, parameter array, gradient label, gradient getter)] of the layer's parameters."""
    params = case.get("params", [])
    if params == "lists":
        values = list(getattr(layer, "params", []) or [])
        return [(f"params[{i}]", v, f"grads[{i}]", (lambda i=i: layer.grads[i])) for i, v in enumerate(values)]
    return [(p, get_path(layer, p), grad_path(p), (lambda p=p: get_path(layer, grad_path(p)))) for p in params]


def run(namespace, case, dtype, seed, learner, target_names):
    cls = namespace[case.get("target") or target_names[0]]
    inputs = Inputs(case, dtype, seed)
    name = case["name"]
    extreme = bool(case.get("extreme"))
    lists = case.get("params", []) == "lists"
    mode, back_mode = compare_mode(case), compare_mode(case, none="any")
    records = []

    def rec(stage, what, **kw):
        r = Record(stage, name, dtype, what, extreme=extreme, context=dict(context), **kw)
        records.append(r)
        return r

    context = {"init": _shapes(inputs.init), "init_kwargs": _shapes(inputs.init_kwargs)}
    init_args = casegen.copy_value(inputs.init)
    seed_numpy(case)
    try:
        layer = guarded(cls, *init_args, **casegen.copy_value(inputs.init_kwargs))
    except LearnerRaised as exc:
        rec("output", "constructor", error=exc.info)
        return records

    first_backward = None
    for k, step in enumerate(inputs.steps, start=1):
        if k > 1:
            try:
                _update_parameters(layer, init_args, case, context)
            except LearnerRaised as exc:
                rec("output", f"parameters (step {k})", error=exc.info)
                return records
        context.update(forward=_shapes(step.args), forward_kwargs=_shapes(step.kwargs), step=k)
        seed_numpy(case, k)
        if step.call:
            call_rec = rec("output", f"{step.call}(...) (step {k})", compared=step.compare, mode=mode)
            try:
                value = guarded(lambda: getattr(layer, step.call)(*casegen.copy_value(step.args),
                                                                  **casegen.copy_value(step.kwargs)))
            except LearnerRaised as exc:
                call_rec.error = exc.info
                return records
            call_rec.value = observe(value) if step.compare else None
            _state_records(rec, layer, case, k)
            continue
        out_rec = rec("output", f"forward output (step {k})", mode=mode)
        handed = casegen.copy_value(step.args)
        try:
            out = guarded(layer.forward, *handed, **casegen.copy_value(step.kwargs))
        except LearnerRaised as exc:
            out_rec.error = exc.info
            return records
        out_rec.value = observe(out)  # a copy: later calls must not change what was recorded
        # The book's Relu.backward writes into dout, which is accepted; forward must leave x alone.
        records.append(unchanged_record("output", name, dtype, f"forward leaves its input unchanged (step {k})",
                                        step.args, handed, dict(context, call="forward")))
        _state_records(rec, layer, case, k)
        if step.backward == "none":
            continue
        if first_backward is None:
            first_backward = k
        douts = None if step.backward == "default" else douts_for(out_rec.value, step, inputs.dout_seed, k, dtype)
        if step.backward != "default" and douts is None:
            return records  # not an array, a number or a tuple of them: the output comparison says so
        if not _backward(rec, layer, step, douts, case, k, lists, back_mode):
            return records

    if case.get("numgrad", True) and dtype == "float64" and first_backward is not None:
        records.extend(numgrad.records(cls, case, inputs, first_backward, dtype, context))
    return records


def _backward(rec, layer, step, douts, case, k, lists, back_mode):
    """Call backward, record its return value and the parameter gradients; False when the run must stop."""
    back_rec = rec("backward", f"backward return (step {k})", mode=back_mode)
    try:
        before = list(guarded(lambda: layer.grads)) if lists else None
        if step.backward == "default":
            value = guarded(layer.backward)
        else:
            args = douts if isinstance(douts, tuple) else (douts,)
            value = guarded(layer.backward, *casegen.copy_value(list(args)))
    except LearnerRaised as exc:
        back_rec.error = exc.info
        return False
    back_rec.value = observe(value)
    if not lists:
        for p in case.get("params", []):
            _attribute(rec("backward", f"{grad_path(p)} (step {k})"), layer, grad_path(p))
        return True
    count_rec = rec("backward", f"len(self.grads) (step {k})", check="grads_in_place", mode={"compare": "exact"})
    try:
        grads = list(guarded(lambda: layer.grads))
    except LearnerRaised as exc:
        count_rec.error = exc.info
        return False
    count_rec.value = len(grads)
    count_rec.observed = {"count": len(before), "same": [i < len(grads) and grads[i] is b for i, b in enumerate(before)]}
    for i, g in enumerate(grads):
        rec("backward", f"grads[{i}] (step {k})", value=observe(g))
    return True


def _state_records(rec, layer, case, k):
    for attr in case.get("state", []):
        _attribute(rec("state", f"{attr} (after step {k})"), layer, attr)


def _update_parameters(layer, init_args, case, context):
    """Change the parameters in place, as an optimizer does between steps.

    The book's networks hand each layer the very arrays the optimizer updates
    (Affine(self.params['W1'], ...)); ❷'s optimizers update `layer.params` in place. A layer
    that keeps copies silently stops learning.
    """
    lists = case.get("params", []) == "lists"
    arrays = list(guarded(lambda: layer.params)) if lists else init_args
    updated = False
    for value in arrays:
        if isinstance(value, np.ndarray) and value.dtype.kind == "f":
            value *= 0.9
            value += 0.05
            updated = True
    if updated:
        context["parameters_updated"] = True
        context["kept_copies"] = _kept_copies(layer, case, init_args)


def _kept_copies(layer, case, init_args):
    """The parameters that share no memory with any array handed to the constructor."""
    given = [a for a in init_args if isinstance(a, np.ndarray)]
    if not given:
        return []
    out = []
    try:
        named = [(label, value) for label, value, _, _ in param_arrays(layer, case)]
    except Exception:  # noqa: BLE001 - the learner's attributes may raise anything; no diagnosis then
        return []
    for label, value in named:
        if isinstance(value, np.ndarray) and not any(np.shares_memory(value, a) for a in given):
            out.append(label)
    return out


def _attribute(record, obj, path):
    try:
        value = get_path(obj, path)
    except AttributeError:
        record.error = {"type": "AttributeError", "message": f"the layer has no attribute '{path}'",
                        "missing_attribute": path}
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
    if isinstance(value, np.random.Generator):
        return "numpy Generator"
    return value
