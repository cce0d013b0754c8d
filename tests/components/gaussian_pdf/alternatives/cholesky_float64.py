"""Variance written out, and the multivariate density through a Cholesky factor, in float64."""
import numpy as np


def gaussian_pdf(x, mu, sigma):
    var = sigma * sigma
    return np.exp(-(x - mu) ** 2 / (2 * var)) / np.sqrt(2 * np.pi * var)


def mvn_pdf(x, mu, cov):
    L = np.linalg.cholesky(cov.astype(np.float64))
    u = np.linalg.solve(L, (x - mu).astype(np.float64))
    norm = (2 * np.pi) ** (len(x) / 2) * np.prod(np.diag(L))
    return float(np.exp(-0.5 * u @ u) / norm)
