"""np.where for the Bernoulli, factorials for nCk, indexing p by the hot class."""
from math import factorial

import numpy as np


def bernoulli_pmf(x, p):
    return np.where(x == 1, p, 1 - p)


def binomial_pmf(k, n, p):
    return factorial(n) / (factorial(k) * factorial(n - k)) * p ** k * (1 - p) ** (n - k)


def categorical_pmf(x, p):
    return p[np.argmax(x, axis=-1)]
