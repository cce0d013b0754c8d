# expect: mistake
"""rng.random() > eps: explores with probability 1 - eps."""
import numpy as np


def eps_greedy(qs, eps, rng):
    if rng.random() > eps:
        return int(rng.integers(len(qs)))
    return int(np.argmax(qs))
