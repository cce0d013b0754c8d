# expect: values
"""The full residual y - Xw instead of the partial residual (feature j's contribution not added back)."""
import numpy as np


def soft_threshold(z, lam):
    return np.sign(z) * np.maximum(np.abs(z) - lam, 0)


def lasso_cd(X, y, lam, iters):
    N, D = X.shape
    w = np.zeros(D)
    for _ in range(iters):
        for j in range(D):
            r = y - X @ w
            rho = X[:, j] @ r / N
            w[j] = soft_threshold(rho, lam) / (X[:, j] @ X[:, j] / N)
    return w
