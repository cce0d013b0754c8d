"""The three cases of the soft threshold with np.where; a running residual updated after each coordinate."""
import numpy as np


def soft_threshold(z, lam):
    return np.where(z > lam, z - lam, np.where(z < -lam, z + lam, 0.0)).astype(np.result_type(z, np.float32))


def lasso_cd(X, y, lam, iters):
    N, D = X.shape
    w = np.zeros(D)
    residual = y - X @ w
    col_sq = (X ** 2).sum(axis=0) / N
    for _ in range(iters):
        for j in range(D):
            rho = X[:, j] @ residual / N + col_sq[j] * w[j]
            new = soft_threshold(rho, lam) / col_sq[j]
            residual -= X[:, j] * (new - w[j])
            w[j] = new
    return w
