# expect: values
"""log10(1 + μ|x|) divided by ln(1 + μ): the two logs in different bases."""
import numpy as np


def mu_law_encode(x, mu=255):
    y = np.sign(x) * np.log10(1 + mu * np.abs(x)) / np.log(1 + mu)
    return ((y + 1) / 2 * mu + 0.5).astype(np.int64)


def mu_law_decode(q, mu=255):
    y = 2 * q / mu - 1
    return np.sign(y) * ((1 + mu) ** np.abs(y) - 1) / mu
