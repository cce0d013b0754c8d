# expect: convention
"""K columns 1[y >= k], the constant first column included."""
import numpy as np


def ordinal_encode(y, K):
    return (y[:, None] >= np.arange(K)).astype(float)


def ordinal_decode(p):
    return np.sum(p > 0.5, axis=1)
