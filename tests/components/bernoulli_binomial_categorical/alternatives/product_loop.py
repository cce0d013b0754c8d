"""nCk by the multiplicative loop; the categorical product written as a loop over classes."""
import numpy as np


def bernoulli_pmf(x, p):
    return p ** x * (1 - p) ** (1 - x)


def binomial_pmf(k, n, p):
    c = 1
    for i in range(k):
        c = c * (n - i) // (i + 1)
    return c * p ** k * (1 - p) ** (n - k)


def categorical_pmf(x, p):
    out = np.ones(x.shape[:-1])
    for j in range(len(p)):
        out = out * p[j] ** x[..., j]
    return out
