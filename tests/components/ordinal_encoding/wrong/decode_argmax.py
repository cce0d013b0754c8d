# expect: mistake
"""Decodes like a one-hot output: the argmax of the task probabilities."""
import numpy as np


def ordinal_encode(y, K):
    return (y[:, None] > np.arange(K - 1)).astype(float)


def ordinal_decode(p):
    return np.argmax(p, axis=1)
