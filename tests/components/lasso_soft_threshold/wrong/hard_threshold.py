# expect: values
"""Hard thresholding z·[|z| > λ]: keeps large values unshrunk (that is best-subset / L0, not the Lasso)."""
import numpy as np


def soft_threshold(z, lam):
    return z * (np.abs(z) > lam)


def lasso_cd(X, y, lam, iters):
    N, D = X.shape
    w = np.zeros(D)
    for _ in range(iters):
        for j in range(D):
            r = y - X @ w + X[:, j] * w[j]
            rho = X[:, j] @ r / N
            w[j] = soft_threshold(rho, lam) / (X[:, j] @ X[:, j] / N)
    return w
