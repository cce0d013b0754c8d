# expect: convention
"""k = 0 .. m - 1: the left Riemann sum."""
import numpy as np


def integrated_gradients(x, baseline, grad_fn, m=50):
    total = np.zeros_like(x)
    for k in range(m):
        total += grad_fn(baseline + (k / m) * (x - baseline))
    return (x - baseline) * total / m
