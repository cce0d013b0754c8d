"""rng.integers draws the same indices as rng.choice(n, size); np.take along axis 0."""
import numpy as np


def sample_batch(x_train, t_train, batch_size, rng):
    idx = rng.integers(0, len(x_train), batch_size)
    return np.take(x_train, idx, axis=0), np.take(t_train, idx, axis=0)
