# expect: values
"""Averages over the batch like the loss function, instead of one value per row."""
import numpy as np


def cross_entropy_dist(p, q):
    return -np.sum(p * np.log(q + 1e-7)) / p.shape[0]
