# expect: values
"""Returns the boolean mask instead of the values."""
import numpy as np


def relu(x):
    return (x > 0).astype(x.dtype)
