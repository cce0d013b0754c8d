# expect: values
"""Forgot the sign: max(|z| - λ, 0) makes every shrunk value positive."""
import numpy as np


def soft_threshold(z, lam):
    return np.maximum(np.abs(z) - lam, 0)


def lasso_cd(X, y, lam, iters):
    N, D = X.shape
    w = np.zeros(D)
    for _ in range(iters):
        for j in range(D):
            r = y - X @ w + X[:, j] * w[j]
            rho = X[:, j] @ r / N
            w[j] = soft_threshold(rho, lam) / (X[:, j] @ X[:, j] / N)
    return w
