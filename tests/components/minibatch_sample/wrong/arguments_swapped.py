# expect: shape
"""rng.choice(batch_size, train_size): the arguments the wrong way round."""
import numpy as np


def sample_batch(x_train, t_train, batch_size, rng):
    mask = rng.choice(batch_size, x_train.shape[0])
    return x_train[mask], t_train[mask]
