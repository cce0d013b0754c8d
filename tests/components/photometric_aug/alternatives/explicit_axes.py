"""Axes named by their position from the front (2, 3 or 1, 2), noise drawn as a normal of mean 0 and std 1."""
import numpy as np


def adjust(x, alpha, beta):
    y = alpha * x.astype(np.float64) + beta
    y[y < 0] = 0
    y[y > 1] = 1
    return y


def add_noise(x, sigma, rng):
    return x + sigma * rng.normal(size=x.shape)


def rotate90(x, k):
    return np.rot90(x, k, axes=(x.ndim - 2, x.ndim - 1))
