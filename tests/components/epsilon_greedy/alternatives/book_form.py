"""The book's get_action (ch08) with the generator: rng.choice(n) draws like rng.integers(n); argmax as a method."""
import numpy as np


def eps_greedy(qs, eps, rng):
    if rng.random() < eps:
        return rng.choice(len(qs))
    else:
        return np.asarray(qs).argmax()
