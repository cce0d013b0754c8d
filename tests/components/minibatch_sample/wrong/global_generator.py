# expect: values
"""Ignores the rng passed in and draws from np.random (the book's global generator)."""
import numpy as np


def sample_batch(x_train, t_train, batch_size, rng):
    mask = np.random.choice(x_train.shape[0], batch_size)
    return x_train[mask], t_train[mask]
