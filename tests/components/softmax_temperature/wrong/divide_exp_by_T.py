# expect: mistake
"""Divides exp(x) by T: the normalisation cancels T, so this is the plain softmax."""
import numpy as np


def softmax_temperature(x, T=1.0):
    x = x - np.max(x, axis=-1, keepdims=True)
    e = np.exp(x) / T
    return e / np.sum(e, axis=-1, keepdims=True)
