# expect: exception
"""Handles integer labels only: one-hot rows used as indices fail."""
import numpy as np


def cross_entropy_error(y, t):
    y = y.reshape(-1, y.shape[-1])
    batch_size = y.shape[0]
    return -np.sum(np.log(y[np.arange(batch_size), t.reshape(batch_size, -1)] + 1e-7)) / batch_size
