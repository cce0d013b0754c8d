"""np.minimum / np.maximum for the clip, rng.normal with scale σ, np.rot90 applied k times by transposes."""
import numpy as np


def adjust(x, alpha, beta):
    return np.minimum(np.maximum(x * alpha + beta, 0.0), 1.0)


def add_noise(x, sigma, rng):
    return x + rng.normal(0.0, sigma, size=x.shape)


def rotate90(x, k):
    for _ in range(k % 4):
        x = np.swapaxes(x, -2, -1)[..., ::-1, :]
    return x.copy()
