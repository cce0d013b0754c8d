# expect: convention
"""Truncation floor((y + 1) / 2 · μ) instead of rounding."""
import numpy as np


def mu_law_encode(x, mu=255):
    y = np.sign(x) * np.log1p(mu * np.abs(x)) / np.log1p(mu)
    return ((y + 1) / 2 * mu).astype(np.int64)


def mu_law_decode(q, mu=255):
    y = 2 * q / mu - 1
    return np.sign(y) * ((1 + mu) ** np.abs(y) - 1) / mu
