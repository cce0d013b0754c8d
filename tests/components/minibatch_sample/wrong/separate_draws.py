# expect: mistake
"""Draws the indices for the inputs and for the labels separately: the pairs no longer match."""
import numpy as np


def sample_batch(x_train, t_train, batch_size, rng):
    train_size = x_train.shape[0]
    x_batch = x_train[rng.choice(train_size, batch_size)]
    t_batch = t_train[rng.choice(train_size, batch_size)]
    return x_batch, t_batch
