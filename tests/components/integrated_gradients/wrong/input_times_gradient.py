# expect: values
"""The average gradient multiplied by the input x, not by x − baseline (gradient × input along the path)."""
import numpy as np


def integrated_gradients(x, baseline, grad_fn, m=50):
    total_grad = np.zeros_like(x)
    for k in range(1, m + 1):
        x_k = baseline + (k / m) * (x - baseline)
        total_grad += grad_fn(x_k)
    avg_grad = total_grad / m
    return x * avg_grad
