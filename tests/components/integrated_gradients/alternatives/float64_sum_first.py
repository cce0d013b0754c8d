"""Sum of the gradients in float64, then scaled by (x - baseline) / m."""
import numpy as np


def integrated_gradients(x, baseline, grad_fn, m=50):
    delta = x - baseline
    total = 0.0
    for k in range(1, m + 1):
        total = total + grad_fn(baseline + delta * k / m).astype(np.float64)
    return delta * total / m
