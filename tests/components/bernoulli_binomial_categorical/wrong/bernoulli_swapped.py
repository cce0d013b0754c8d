# expect: values
"""p and 1 - p exchanged: p for x = 0."""
from math import comb

import numpy as np


def bernoulli_pmf(x, p):
    return p ** (1 - x) * (1 - p) ** x


def binomial_pmf(k, n, p):
    return comb(n, k) * p ** k * (1 - p) ** (n - k)


def categorical_pmf(x, p):
    return np.prod(p ** x, axis=-1)
