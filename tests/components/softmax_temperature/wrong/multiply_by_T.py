# expect: mistake
"""Multiplies the logits by T instead of dividing."""
import numpy as np


def softmax_temperature(x, T=1.0):
    x = x * T
    x = x - np.max(x, axis=-1, keepdims=True)
    e = np.exp(x)
    return e / np.sum(e, axis=-1, keepdims=True)
