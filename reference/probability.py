"""Probability distributions and estimation: PMFs, Gaussian densities, maximum likelihood, Bayes' rule.

Samples are rows: X is (N, D), one D-dimensional sample per row (the book's `xs`). Natural logarithm
throughout. The EM algorithm for Gaussian mixtures is in reference/gmm.py, naive Bayes in reference/bayes.py.
"""
import numpy as np


def gaussian_mle(X):
    """Maximum likelihood estimates of a Gaussian's mean and covariance.

    X: (N, D) samples. Returns mu (D,) and cov (D, D). The MLE divides by N (np.var's default,
    np.cov(..., bias=True)), not by N - 1 (np.cov's default, the unbiased estimate).
    """
    N = X.shape[0]
    mu = np.mean(X, axis=0)
    cov = (X - mu).T @ (X - mu) / N
    return mu, cov


def gaussian_pdf(x, mu, sigma):
    """Density of the normal distribution N(mu, sigma^2) (ゼロから作る⑤ step01's normal).

    x: any shape (element-wise); mu: the mean; sigma: the standard deviation (not the variance).
    Returns an array shaped like x.
    """
    y = 1 / (np.sqrt(2 * np.pi) * sigma) * np.exp(-(x - mu) ** 2 / (2 * sigma ** 2))
    return y


def mvn_pdf(x, mu, cov):
    """Density of the multivariate normal N(mu, cov) at one point (ゼロから作る⑤ step05's multivariate_normal).

    x: (D,), mu: (D,), cov: (D, D) symmetric positive definite. Returns a scalar.
    """
    det = np.linalg.det(cov)
    inv = np.linalg.inv(cov)
    D = len(x)
    z = 1 / np.sqrt((2 * np.pi) ** D * det)
    y = z * np.exp((x - mu).T @ inv @ (x - mu) / -2.0)
    return y
