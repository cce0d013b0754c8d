# expect: values
"""np.mean instead of the book's half sum."""
import numpy as np


def mean_squared_error(y, t):
    return 0.5 * np.mean((y - t) ** 2)
