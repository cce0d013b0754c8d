"""The numerical gradient check of a layer: the learner's own forward against their own backward.

L = Σᵢ ⟨outᵢ, doutᵢ⟩ over the forward's outputs (the loss itself for backward()), differentiated
along a few random directions by finite differences, for every float input in `wrt` and
every parameter. A layer that computes in float64 is differentiated by central differences with h = 1e-5; one
that computes in float32 (❷'s Time layers allocate with dtype='f') by the five-point stencil with h = 1e-2:
float32 rounding (about 6e-8 of each value) divided by h = 1e-5 would swamp the difference, and a central
difference at h = 1e-2 has a truncation error of up to 1e-2 on an LSTM (measured: worst relative error over 20
directions 1.4e-2 central, 1.4e-4 five-point). checks.numgrad judges float32 records at NUMGRAD_TOLERANCE_FLOAT32.
A stateful layer (a Time layer keeping `self.h`) must not move
on while it is differentiated: the layer is built, the steps before the checked one are
replayed, and every evaluation starts from a deep copy of that state. The kind records the
raw numbers only; examprep.grade.checks.numgrad judges them in the parent.
"""
import copy

import numpy as np

from examprep.grade.kinds import LearnerRaised, Record, guarded, observe, seed_numpy
from examprep.problem import casegen

H = 1e-5
STENCIL = ((1, 1 / 2), (-1, -1 / 2))                                      # central difference, error O(h²)
H32 = 1e-2
STENCIL32 = ((2, -1 / 12), (1, 8 / 12), (-1, -8 / 12), (-2, 1 / 12))     # five-point stencil, error O(h⁴)
DIRECTIONS = 3


def _loss(out, douts, default):
    if default:
        return float(np.asarray(out, dtype=np.float64))
    outs = out if isinstance(out, tuple) else (out,)
    grads = douts if isinstance(douts, tuple) else (douts,)
    return float(sum(np.sum(np.asarray(o, dtype=np.float64) * g) for o, g in zip(outs, grads) if g is not None))


def records(cls, case, inputs, step_index, dtype, context):
    from examprep.grade.kinds.layer import douts_for, get_path, grad_path

    name = case["name"]
    out_records = []

    def rec(what, **kw):
        out_records.append(Record("numgrad", name, dtype, what, check="numgrad", compared=False,
                                  context=dict(context), **kw))

    rng = np.random.default_rng(inputs.dout_seed + 7919)
    lists = case.get("params", []) == "lists"
    step = inputs.steps[step_index - 1]
    default = step.backward == "default"
    try:
        seed_numpy(case)
        layer = guarded(cls, *casegen.copy_value(inputs.init), **casegen.copy_value(inputs.init_kwargs))
        for k in range(1, step_index):
            _replay(layer, inputs.steps[k - 1], case, k, inputs, dtype)
        snapshot = guarded(copy.deepcopy, layer)

        def forward(obj, args):
            seed_numpy(case, step_index)
            return guarded(obj.forward, *args, **casegen.copy_value(step.kwargs))

        work = guarded(copy.deepcopy, snapshot)
        args = casegen.copy_value(step.args)
        out = observe(forward(work, casegen.copy_value(args)))
        douts = None if default else douts_for(out, step, inputs.dout_seed, step_index, dtype)
        if not default and douts is None:
            return out_records  # the output comparison reports the output first
        grad_args = douts if isinstance(douts, tuple) else (douts,)
        back = guarded(work.backward) if default else guarded(work.backward, *casegen.copy_value(list(grad_args)))
        dxs = back if isinstance(back, tuple) else (back,)

        # (label, how to find the array in a copy of the layer or among the inputs, analytic gradient)
        targets = []
        for i, idx in enumerate(case.get("wrt", [0])):
            if (idx < len(args) and isinstance(args[idx], np.ndarray) and args[idx].dtype.kind == "f"
                    and back is not None and i < len(dxs)):
                targets.append((f"dx (input {idx})" if idx else "dx", ("arg", idx), dxs[i]))
        if lists:
            for i in range(len(guarded(lambda: work.params))):
                targets.append((f"grads[{i}]", ("list", i), guarded(lambda i=i: work.grads[i])))
        else:
            for p in case.get("params", []):
                targets.append((grad_path(p), ("path", p), guarded(lambda p=p: get_path(work, grad_path(p)))))

        def locate(obj, where, inputs_):
            kind, key = where
            if kind == "arg":
                return inputs_[key]
            if kind == "list":
                return obj.params[key]
            return get_path(obj, key)

        outs = out if isinstance(out, tuple) else (out,)
        float32 = any(isinstance(o, np.ndarray) and o.dtype == np.float32 for o in outs)
        for label, where, analytic in targets:
            analytic = observe(analytic)
            base = locate(snapshot, where, args) if where[0] != "arg" else args[where[1]]
            if not (isinstance(analytic, np.ndarray) and isinstance(base, np.ndarray)
                    and analytic.shape == base.shape):
                rec(label, observed={"analytic": analytic, "directions": [], "numeric": []})
                continue
            low = float32 or base.dtype == np.float32
            h, stencil = (H32, STENCIL32) if low else (H, STENCIL)
            directions, numeric = [], []
            for _ in range(DIRECTIONS):
                d = rng.standard_normal(base.shape)
                total = 0.0
                for offset, weight in stencil:
                    obj = guarded(copy.deepcopy, snapshot)
                    call_args = casegen.copy_value(args)
                    array = locate(obj, where, call_args)
                    array += offset * h * d
                    total += weight * _loss(forward(obj, call_args), douts, default)
                directions.append(d)
                numeric.append(total / h)
            rec(label, observed={"analytic": analytic, "directions": directions, "numeric": numeric,
                                 "precision": "float32" if low else "float64"})
    except LearnerRaised as exc:
        out_records.append(Record("numgrad", name, dtype, "numerical gradient", error=exc.info,
                                  context=dict(context)))
    except (TypeError, ValueError, AttributeError, IndexError) as exc:
        # The learner's forward returned something that is not a number or an array of the right shape; the
        # comparison with the reference reports that first, so this record is never the one shown.
        out_records.append(Record("numgrad", name, dtype, "numerical gradient", context=dict(context),
                                  error={"type": type(exc).__name__, "message": str(exc)[:300]}))
    return out_records


def _replay(layer, step, case, k, inputs, dtype):
    """One earlier step, as the run took it (without the optimizer's parameter updates)."""
    from examprep.grade.kinds.layer import douts_for

    seed_numpy(case, k)
    if step.call:
        guarded(lambda: getattr(layer, step.call)(*casegen.copy_value(step.args), **casegen.copy_value(step.kwargs)))
        return
    out = observe(guarded(layer.forward, *casegen.copy_value(step.args), **casegen.copy_value(step.kwargs)))
    if step.backward == "none":
        return
    if step.backward == "default":
        guarded(layer.backward)
        return
    douts = douts_for(out, step, inputs.dout_seed, k, dtype)
    if douts is not None:
        guarded(layer.backward, *casegen.copy_value(list(douts if isinstance(douts, tuple) else (douts,))))
