# expect: convention
"""replace=False: a legitimate way to sample, but not the book's default draw."""
import numpy as np


def sample_batch(x_train, t_train, batch_size, rng):
    mask = rng.choice(x_train.shape[0], batch_size, replace=False)
    return x_train[mask], t_train[mask]
