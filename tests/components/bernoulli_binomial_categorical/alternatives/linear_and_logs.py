"""x p + (1 - x)(1 - p) for x in {0, 1}; the binomial through log-gamma; the categorical as x @ p."""
from math import exp, lgamma, log

import numpy as np


def bernoulli_pmf(x, p):
    return x * p + (1 - x) * (1 - p)


def binomial_pmf(k, n, p):
    log_comb = lgamma(n + 1) - lgamma(k + 1) - lgamma(n - k + 1)
    return exp(log_comb + k * log(p) + (n - k) * log(1 - p))


def categorical_pmf(x, p):
    return x @ p
