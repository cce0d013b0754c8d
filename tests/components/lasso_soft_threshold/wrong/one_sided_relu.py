# expect: values
"""max(z - λ, 0): a ReLU that zeroes every negative value instead of shrinking it toward 0."""
import numpy as np


def soft_threshold(z, lam):
    return np.maximum(z - lam, 0)


def lasso_cd(X, y, lam, iters):
    N, D = X.shape
    w = np.zeros(D)
    for _ in range(iters):
        for j in range(D):
            r = y - X @ w + X[:, j] * w[j]
            rho = X[:, j] @ r / N
            w[j] = soft_threshold(rho, lam) / (X[:, j] @ X[:, j] / N)
    return w
