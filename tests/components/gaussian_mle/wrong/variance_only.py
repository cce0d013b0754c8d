# expect: shape
"""Only the per-feature variances np.var(X, axis=0), not the covariance matrix."""
import numpy as np


def gaussian_mle(X):
    return np.mean(X, axis=0), np.var(X, axis=0)
