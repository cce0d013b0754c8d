# expect: shape
"""np.rot90(x, k) turns the first two axes: in NCHW, the batch and the channels."""
import numpy as np


def adjust(x, alpha, beta):
    return np.clip(alpha * x + beta, 0, 1)


def add_noise(x, sigma, rng):
    return x + sigma * rng.standard_normal(x.shape)


def rotate90(x, k):
    return np.rot90(x, k)
