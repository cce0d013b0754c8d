# expect: finite
"""No epsilon: a zero probability gives 0·log 0 = nan instead of 0."""
import numpy as np


def entropy(p):
    return -np.sum(p * np.log(p), axis=-1)
