# expect: values
"""rng.integers(len(qs) - 1): the last action can never be explored."""
import numpy as np


def eps_greedy(qs, eps, rng):
    if rng.random() < eps:
        return int(rng.integers(len(qs) - 1))
    return int(np.argmax(qs))
