# expect: values
"""nPk (ordered) in place of nCk."""
from math import perm

import numpy as np


def bernoulli_pmf(x, p):
    return p ** x * (1 - p) ** (1 - x)


def binomial_pmf(k, n, p):
    return perm(n, k) * p ** k * (1 - p) ** (n - k)


def categorical_pmf(x, p):
    return np.prod(p ** x, axis=-1)
