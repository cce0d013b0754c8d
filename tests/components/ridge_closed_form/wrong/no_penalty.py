# expect: values
"""Forgot the penalty: plain least squares whatever λ."""
import numpy as np


def ridge_fit(X, y, lam):
    Xb = np.hstack([np.ones((len(X), 1)), X])
    I = np.eye(Xb.shape[1])
    I[0, 0] = 0
    return np.linalg.solve(Xb.T @ Xb, Xb.T @ y)
