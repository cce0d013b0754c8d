# expect: values
"""The path scales x from 0 (k/m · x) and ignores the baseline inside it."""
import numpy as np


def integrated_gradients(x, baseline, grad_fn, m=50):
    total = np.zeros_like(x)
    for k in range(1, m + 1):
        total += grad_fn((k / m) * x)
    return (x - baseline) * total / m
