# expect: values
"""The binomial without nCk: the probability of one particular sequence, not of k successes in any order."""
import numpy as np


def bernoulli_pmf(x, p):
    return p ** x * (1 - p) ** (1 - x)


def binomial_pmf(k, n, p):
    return p ** k * (1 - p) ** (n - k)


def categorical_pmf(x, p):
    return np.prod(p ** x, axis=-1)
