"""The soft threshold as z - clip(z, -λ, λ); the partial residual by excluding column j with a mask."""
import numpy as np


def soft_threshold(z, lam):
    return z - np.clip(z, -lam, lam)


def lasso_cd(X, y, lam, iters):
    N, D = X.shape
    w = np.zeros(D)
    for _ in range(iters):
        for j in range(D):
            others = np.arange(D) != j
            r = y - X[:, others] @ w[others]
            rho = np.dot(X[:, j], r) / N
            w[j] = soft_threshold(rho, lam) / np.mean(X[:, j] ** 2)
    return w
