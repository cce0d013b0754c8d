# expect: values
"""Σ p_k^x_k instead of Π p_k^x_k (the classes that are not hot add 1 each)."""
from math import comb

import numpy as np


def bernoulli_pmf(x, p):
    return p ** x * (1 - p) ** (1 - x)


def binomial_pmf(k, n, p):
    return comb(n, k) * p ** k * (1 - p) ** (n - k)


def categorical_pmf(x, p):
    return np.sum(p ** x, axis=-1)
