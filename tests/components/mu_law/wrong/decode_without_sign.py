# expect: values
"""The decoder forgets the sign: every amplitude comes back positive."""
import numpy as np


def mu_law_encode(x, mu=255):
    y = np.sign(x) * np.log1p(mu * np.abs(x)) / np.log1p(mu)
    return ((y + 1) / 2 * mu + 0.5).astype(np.int64)


def mu_law_decode(q, mu=255):
    y = 2 * q / mu - 1
    return ((1 + mu) ** np.abs(y) - 1) / mu
