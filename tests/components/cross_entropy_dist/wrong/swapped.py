# expect: values
"""p and q swapped: the log is taken of the true distribution."""
import numpy as np


def cross_entropy_dist(p, q):
    return -np.sum(q * np.log(p + 1e-7), axis=-1)
