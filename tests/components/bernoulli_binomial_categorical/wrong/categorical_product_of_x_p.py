# expect: values
"""Π x_k p_k: the classes that are not hot multiply by 0."""
from math import comb

import numpy as np


def bernoulli_pmf(x, p):
    return p ** x * (1 - p) ** (1 - x)


def binomial_pmf(k, n, p):
    return comb(n, k) * p ** k * (1 - p) ** (n - k)


def categorical_pmf(x, p):
    return np.prod(x * p, axis=-1)
