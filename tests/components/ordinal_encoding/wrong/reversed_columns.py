# expect: values
"""Columns in reverse order (1[y > K - 2 - k])."""
import numpy as np


def ordinal_encode(y, K):
    return (y[:, None] > np.arange(K - 1)[::-1]).astype(float)


def ordinal_decode(p):
    return np.sum(p > 0.5, axis=1)
