"""Property checks, judged in the parent process on a Record's raw observations.

A kind (running inside the learner's process) only records what it saw; each check
here decides whether that was right. A check is `fn(expected, actual, notes) -> Failure | None`:
`expected` is the reference's record of the same key (trusted: what was handed over, the
case's settings), `actual` the learner's (its observations). Kinds add checks of their
own (`CHECKS` in a kind module, e.g. masking_layer's properties of a random mask).
"""
import math

import numpy as np

from examprep.grade.failure import about

NUMGRAD_TOLERANCE = 1e-4
NUMGRAD_TOLERANCE_FLOAT32 = 1e-2   # h = 1e-2 on float32 values (kinds/numgrad.py); calibrated in test_numgrad_float32


def _observed(record, key, default=None):
    obs = record.observed if isinstance(record.observed, dict) else {}
    return obs.get(key, default)


def unchanged(expected, actual, notes=None):
    """The learner's code left the arrays it was handed as they were (1e-9 relative: restoring by arithmetic is fine)."""
    before = _observed(expected, "before", [])
    after = _observed(actual, "after", [])

    def changed(b, a):
        if isinstance(b, np.ndarray):
            if not isinstance(a, np.ndarray) or b.shape != a.shape:
                return True
            if b.dtype.kind not in "fc":
                return not np.array_equal(a, b)
            scale = max(float(np.max(np.abs(b))) if b.size else 0.0, 1e-300)
            diff = np.abs(a.astype(np.float64) - b.astype(np.float64))
            return bool(np.any(np.isnan(diff)) or np.max(diff, initial=0.0) > 1e-9 * scale)
        if isinstance(b, (list, tuple)):
            return not isinstance(a, (list, tuple)) or len(a) != len(b) or any(changed(x, y) for x, y in zip(b, a))
        if isinstance(b, dict):
            return not isinstance(a, dict) or set(a) != set(b) or any(changed(b[k], a[k]) for k in b)
        if isinstance(b, str):
            return a != b
        return False

    if not isinstance(after, (list, tuple)) or len(after) != len(before):
        bad = list(range(len(before)))
    else:
        bad = [i for i, (b, a) in enumerate(zip(before, after)) if changed(b, a)]
    if not bad:
        return None
    what = (actual.context or {}).get("call") or actual.what.split(" ")[0]
    return about(actual, "mutates_input",
                 f"{what} が引数 {bad} の配列を書き換えています。入力はコピーしてから変更してください (x.copy())。",
                 f"{what} overwrote argument(s) {bad} it was given: copy the input before changing it (x.copy()).",
                 arguments=bad)


def numgrad(expected, actual, notes=None):
    """The learner's backward agrees with central differences of their own forward (along random directions).

    A float32 record (a layer computing in float32, differentiated with h = 1e-2) is judged at
    NUMGRAD_TOLERANCE_FLOAT32: float32 rounding and the larger step leave errors of about 1e-4 in right answers,
    a wrong gradient is off by far more than 1e-2."""
    tolerance = NUMGRAD_TOLERANCE_FLOAT32 if _observed(actual, "precision") == "float32" else NUMGRAD_TOLERANCE
    analytic = _observed(actual, "analytic")
    directions = _observed(actual, "directions", [])
    numeric = _observed(actual, "numeric", [])
    worst = math.inf
    try:
        if (isinstance(analytic, np.ndarray) and len(directions) == len(numeric) and directions
                and all(isinstance(d, np.ndarray) and d.shape == analytic.shape for d in directions)):
            worst = 0.0
            for d, n in zip(directions, numeric):
                n = float(n)
                exact = float(np.sum(analytic.astype(np.float64) * d))
                rel = abs(n - exact) / max(abs(n), abs(exact), 1e-8)
                worst = max(worst, rel if math.isfinite(rel) else math.inf)
    except (TypeError, ValueError):
        worst = math.inf
    if math.isfinite(worst) and worst <= tolerance:
        return None
    return about(actual, "numerical_gradient",
                 f"{actual.what}: backward の勾配が、あなたの forward の数値微分と一致しません"
                 f"(相対誤差 {worst:.2e}、許容 {tolerance:.0e})。",
                 f"{actual.what}: your backward does not match the numerical gradient of your own forward "
                 f"(relative error {worst:.2e}, allowed {tolerance:.0e}).",
                 relative_error=worst, tolerance=tolerance)


def in_place(expected, actual, notes=None):
    """An optimizer updated params[key] in place (the same array object after update)."""
    if _observed(actual, "same_object") is True:
        return None
    key = _observed(expected, "param", "?")
    return about(actual, "not_in_place",
                 f"params['{key}'] が新しい配列に置き換えられました。params[key] -= ... のようにその場で更新してください"
                 f"(ネットワークの層が同じ配列を参照しています)。",
                 f"params['{key}'] was replaced by a new array instead of being updated in place: use "
                 f"params[key] -= ... (the network's layers hold references to these arrays).", param=key)


def grads_in_place(expected, actual, notes=None):
    """❷-style layers: every grads[i] is the same array object after backward as before (grads[i][...] = dW)."""
    same = _observed(actual, "same", [])
    count = _observed(expected, "count", 0)
    bad = [i for i in range(count) if not (isinstance(same, (list, tuple)) and i < len(same) and same[i] is True)]
    if not bad:
        return None
    return about(actual, "grads_rebound",
                 f"self.grads{bad} が新しい配列に置き換えられました。self.grads[i][...] = dW のように、"
                 f"最初に作った配列へその場で書き込んでください (オプティマイザやモデルは同じ配列を参照しています)。",
                 f"self.grads{bad} was rebound to a new array: write into the array made at construction, "
                 f"self.grads[i][...] = dW (the optimizer and the model hold references to these arrays).",
                 indices=bad)


def _registry():
    from examprep.grade.kinds import masking_layer

    table = {"unchanged": unchanged, "numgrad": numgrad, "in_place": in_place, "grads_in_place": grads_in_place}
    table.update(masking_layer.CHECKS)
    return table


def judge(expected, actual, notes=None):
    """Evaluate the expected record's check on the actual record's observations (advice goes to notes)."""
    fn = _registry().get(expected.check)
    if fn is None:
        raise KeyError(f"unknown property check {expected.check!r}")
    return fn(expected, actual, notes)
