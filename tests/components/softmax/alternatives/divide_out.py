"""Shift by the maximum, exponentiate, and normalise with an explicit reciprocal multiply."""
import numpy as np


def softmax(x):
    shifted = x - x.max(axis=-1)[..., np.newaxis]
    e = np.exp(shifted)
    return e * (1 / e.sum(axis=-1))[..., np.newaxis]
