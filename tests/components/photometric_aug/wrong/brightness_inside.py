# expect: values
"""α (x + β): the brightness is scaled by the contrast too."""
import numpy as np


def adjust(x, alpha, beta):
    return np.clip(alpha * (x + beta), 0, 1)


def add_noise(x, sigma, rng):
    return x + sigma * rng.standard_normal(x.shape)


def rotate90(x, k):
    return np.rot90(x, k, axes=(-2, -1))
