# expect: values
"""The level q is used as y directly, without mapping 0 … μ back to [-1, 1]."""
import numpy as np


def mu_law_encode(x, mu=255):
    y = np.sign(x) * np.log1p(mu * np.abs(x)) / np.log1p(mu)
    return ((y + 1) / 2 * mu + 0.5).astype(np.int64)


def mu_law_decode(q, mu=255):
    y = q / mu
    return np.sign(y) * ((1 + mu) ** np.abs(y) - 1) / mu
