# expect: values
"""Ties go to the last maximum (argmax of the reversed array)."""
import numpy as np


def eps_greedy(qs, eps, rng):
    if rng.random() < eps:
        return int(rng.integers(len(qs)))
    return int(len(qs) - 1 - np.argmax(qs[::-1]))
