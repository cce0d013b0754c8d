# expect: values
"""The exploitation branch takes the smallest Q value."""
import numpy as np


def eps_greedy(qs, eps, rng):
    if rng.random() < eps:
        return int(rng.integers(len(qs)))
    return int(np.argmin(qs))
