# expect: values
"""α x + β without the clip: pixels leave [0, 1]."""
import numpy as np


def adjust(x, alpha, beta):
    return alpha * x + beta


def add_noise(x, sigma, rng):
    return x + sigma * rng.standard_normal(x.shape)


def rotate90(x, k):
    return np.rot90(x, k, axes=(-2, -1))
