# expect: values
"""Uses only the variances (the diagonal of cov), ignoring the correlations: a standardised Euclidean distance."""
import numpy as np


def minkowski(x, y, p):
    return np.sum(np.abs(x - y) ** p) ** (1 / p)


def cosine_distance(x, y):
    return 1 - x @ y / (np.linalg.norm(x) * np.linalg.norm(y))


def mahalanobis(x, y, cov):
    d = x - y
    return np.sqrt(d @ np.diag(1 / np.diag(cov)) @ d)
