# expect: convention
"""Stops counting at the first probability not above 0.5."""
import numpy as np


def ordinal_encode(y, K):
    return (y[:, None] > np.arange(K - 1)).astype(float)


def ordinal_decode(p):
    below = p <= 0.5
    return np.where(below.any(axis=1), below.argmax(axis=1), p.shape[1])
