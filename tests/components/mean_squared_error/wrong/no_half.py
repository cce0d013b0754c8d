# expect: convention
"""Forgets the factor 1/2."""
import numpy as np


def mean_squared_error(y, t):
    return np.sum((y - t) ** 2)
