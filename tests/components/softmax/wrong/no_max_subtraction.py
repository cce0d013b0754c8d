# expect: finite
"""No overflow guard: exp(1000) is inf and inf / inf is NaN."""
import numpy as np


def softmax(x):
    exp_x = np.exp(x)
    return exp_x / np.sum(exp_x, axis=-1, keepdims=True)
