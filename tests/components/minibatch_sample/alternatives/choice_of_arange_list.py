"""rng.choice over np.arange(N) (the same draw); returns a list."""
import numpy as np


def sample_batch(x_train, t_train, batch_size, rng):
    batch_mask = rng.choice(np.arange(x_train.shape[0]), size=batch_size, replace=True)
    return [x_train[batch_mask], t_train[batch_mask]]
