# expect: type
"""Sums over every element of a batch instead of per row."""
import numpy as np


def entropy(p):
    return -np.sum(p * np.log(p + 1e-7))
