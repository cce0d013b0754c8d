# expect: finite
"""No maximum subtracted: exp(2000) overflows on large logits."""
import numpy as np


def softmax_temperature(x, T=1.0):
    e = np.exp(x / T)
    return e / np.sum(e, axis=-1, keepdims=True)
