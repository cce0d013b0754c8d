# expect: values
"""ln(1 + μ|x|) without the sign: every negative amplitude is coded as its positive mirror."""
import numpy as np


def mu_law_encode(x, mu=255):
    y = np.log1p(mu * np.abs(x)) / np.log1p(mu)
    return ((y + 1) / 2 * mu + 0.5).astype(np.int64)


def mu_law_decode(q, mu=255):
    y = 2 * q / mu - 1
    return np.sign(y) * ((1 + mu) ** np.abs(y) - 1) / mu
