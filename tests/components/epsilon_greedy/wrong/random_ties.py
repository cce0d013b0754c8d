# expect: convention
"""Ties among the maxima broken at random (Sutton & Barto), where the drill takes the first."""
import numpy as np


def eps_greedy(qs, eps, rng):
    if rng.random() < eps:
        return int(rng.integers(len(qs)))
    best = np.flatnonzero(qs == qs.max())
    return int(rng.choice(best))
