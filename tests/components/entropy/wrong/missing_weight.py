# expect: values
"""Sums -log p without weighting by p (not an expectation)."""
import numpy as np


def entropy(p):
    return -np.sum(np.log(p + 1e-7), axis=-1)
