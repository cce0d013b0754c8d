# expect: convention
"""Exploration among the non-greedy actions only."""
import numpy as np


def eps_greedy(qs, eps, rng):
    greedy = int(np.argmax(qs))
    if rng.random() < eps:
        others = [a for a in range(len(qs)) if a != greedy]
        return others[rng.integers(len(others))]
    return greedy
