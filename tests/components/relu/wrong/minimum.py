# expect: values
"""min instead of max keeps the negative part."""
import numpy as np


def relu(x):
    return np.minimum(0, x)
