# expect: exception
"""max and sum without keepdims: (4, 3) minus (4,) does not broadcast."""
import numpy as np


def softmax(x):
    x = x - np.max(x, axis=-1)
    exp_x = np.exp(x)
    return exp_x / np.sum(exp_x, axis=-1)
