"""Central differences over flat indices, converted with np.unravel_index; h = 1e-5."""
import numpy as np


def numerical_gradient(f, x):
    h = 1e-5
    grad = np.zeros(x.shape, dtype=x.dtype)
    for i in range(x.size):
        idx = np.unravel_index(i, x.shape)
        original = x[idx].copy()
        x[idx] = original + h
        plus = f(x)
        x[idx] = original - h
        minus = f(x)
        x[idx] = original
        grad[idx] = (plus - minus) / (2 * h)
    return grad
