"""The other conventions of reference.rl_tabular's ε-greedy choice, for the drills' `conventions:` key.

The drill breaks ties in the greedy choice with np.argmax (the first maximum, as the book's `qs.data.argmax()`)
and explores among all actions. Sutton & Barto break ties at random, and some texts explore only among the
non-greedy actions: legitimate conventions, named by the grader. Same draw order as the reference: rng.random()
once, then one more draw where a choice is random.
"""
import numpy as np


def eps_greedy_random_ties(qs, eps, rng):
    """Ties among the greedy actions broken at random: rng.choice over the maximisers."""
    if rng.random() < eps:
        return int(rng.integers(len(qs)))
    return int(rng.choice(np.flatnonzero(qs == np.max(qs))))


def eps_greedy_explore_others(qs, eps, rng):
    """Exploration among the non-greedy actions only (the greedy one excluded)."""
    greedy = int(np.argmax(qs))
    if rng.random() < eps:
        others = [a for a in range(len(qs)) if a != greedy]
        return others[int(rng.integers(len(others)))]
    return greedy
