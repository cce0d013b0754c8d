# expect: values
"""Adds λ to EVERY entry of XᵀX (a scalar broadcast) instead of λ·I on the diagonal."""
import numpy as np


def ridge_fit(X, y, lam):
    Xb = np.hstack([np.ones((len(X), 1)), X])
    I = np.eye(Xb.shape[1])
    I[0, 0] = 0
    return np.linalg.solve(Xb.T @ Xb + lam, Xb.T @ y)
