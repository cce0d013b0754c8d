"""The other conventions of reference.probability's estimators, for the drills' `conventions:` key.

The unbiased covariance (divided by N - 1, np.cov's default; the book's step03/mle.py uses it) is not the
maximum likelihood estimate, but it is a legitimate estimator of its own, so the grader names it.
"""
import numpy as np


def gaussian_mle_unbiased(X):
    """mean and the unbiased covariance (N - 1). X: (N, D)."""
    N = X.shape[0]
    mu = np.mean(X, axis=0)
    xc = X - mu
    return mu, xc.T @ xc / (N - 1)
