# expect: mistake
"""Forgets to multiply by (x - baseline)."""
import numpy as np


def integrated_gradients(x, baseline, grad_fn, m=50):
    total = np.zeros_like(x)
    for k in range(1, m + 1):
        total += grad_fn(baseline + (k / m) * (x - baseline))
    return total / m
