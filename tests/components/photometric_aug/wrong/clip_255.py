# expect: convention
"""Clipped to the 8-bit range [0, 255]."""
import numpy as np


def adjust(x, alpha, beta):
    return np.clip(alpha * x + beta, 0, 255)


def add_noise(x, sigma, rng):
    return x + sigma * rng.standard_normal(x.shape)


def rotate90(x, k):
    return np.rot90(x, k, axes=(-2, -1))
