# expect: values
"""A transpose of H and W is a reflection, not a rotation."""
import numpy as np


def adjust(x, alpha, beta):
    return np.clip(alpha * x + beta, 0, 1)


def add_noise(x, sigma, rng):
    return x + sigma * rng.standard_normal(x.shape)


def rotate90(x, k):
    return np.swapaxes(x, -2, -1) if k % 2 else x[..., ::-1, ::-1]
