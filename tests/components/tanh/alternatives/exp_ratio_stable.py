"""tanh(x) = 1 - 2 / (exp(2x) + 1): the exp overflows to inf for large x, where the result is exactly 1."""
import numpy as np


def tanh(x):
    with np.errstate(over="ignore"):
        return 1 - 2 / (np.exp(2 * x) + 1)
