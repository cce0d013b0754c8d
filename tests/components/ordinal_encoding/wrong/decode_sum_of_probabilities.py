# expect: values
"""Sums the probabilities (an expected value, not a class)."""
import numpy as np


def ordinal_encode(y, K):
    return (y[:, None] > np.arange(K - 1)).astype(float)


def ordinal_decode(p):
    return np.sum(p, axis=1)
