# expect: values
"""Forward difference (f(x + h) - f(x)) / h: an O(h) error, far above the tolerance."""
import numpy as np


def numerical_gradient(f, x):
    h = 1e-4
    grad = np.zeros_like(x)
    for idx in np.ndindex(x.shape):
        tmp_val = x[idx]
        x[idx] = tmp_val + h
        fxh1 = f(x)
        x[idx] = tmp_val
        fx = f(x)
        grad[idx] = (fxh1 - fx) / h
    return grad
