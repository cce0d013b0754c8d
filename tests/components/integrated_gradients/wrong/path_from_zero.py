# expect: values
"""The path scales x from 0 (k/m · x) and ignores the baseline inside it."""
import numpy as np


def integrated_gradients(x, baseline, grad_fn, m=50):
    total_grad = np.zeros_like(x)
    for k in range(1, m + 1):
        x_k = (k / m) * x
        total_grad += grad_fn(x_k)
    avg_grad = total_grad / m
    return (x - baseline) * avg_grad
