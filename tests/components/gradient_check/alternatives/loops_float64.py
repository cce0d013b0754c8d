"""Plain loops over the elements, in float64."""
import numpy as np


def gradient_check(grad_backprop, grad_numerical):
    out = {}
    for key in grad_backprop:
        a = grad_backprop[key].astype(np.float64).ravel()
        b = grad_numerical[key].astype(np.float64).ravel()
        out[key] = sum(abs(p - q) for p, q in zip(a, b)) / a.size
    return out


def max_rel_error(a, b, eps=1e-8):
    worst = 0.0
    for p, q in zip(np.ravel(a).astype(np.float64), np.ravel(b).astype(np.float64)):
        worst = max(worst, abs(p - q) / max(abs(p) + abs(q), eps))
    return worst
