# expect: shape
"""No column of ones: no intercept is estimated and w has D entries."""
import numpy as np


def ridge_fit(X, y, lam):
    Xb = X
    I = np.eye(Xb.shape[1])
    I[0, 0] = 0
    return np.linalg.solve(Xb.T @ Xb + lam * I, Xb.T @ y)
