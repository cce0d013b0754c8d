# expect: values
"""σ² times the noise: σ taken for the variance."""
import numpy as np


def adjust(x, alpha, beta):
    return np.clip(alpha * x + beta, 0, 1)


def add_noise(x, sigma, rng):
    return x + sigma ** 2 * rng.standard_normal(x.shape)


def rotate90(x, k):
    return np.rot90(x, k, axes=(-2, -1))
