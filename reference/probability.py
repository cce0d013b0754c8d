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
