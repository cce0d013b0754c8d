# expect: values
"""Updates every coordinate from the OLD w of the sweep (Jacobi), not from the newest values (Gauss-Seidel)."""
import numpy as np


def soft_threshold(z, lam):
    return np.sign(z) * np.maximum(np.abs(z) - lam, 0)


def lasso_cd(X, y, lam, iters):
    N, D = X.shape
    w = np.zeros(D)
    for _ in range(iters):
        old = w.copy()
        for j in range(D):
            r = y - X @ old + X[:, j] * old[j]
            w[j] = soft_threshold(X[:, j] @ r / N, lam) / (X[:, j] @ X[:, j] / N)
    return w
