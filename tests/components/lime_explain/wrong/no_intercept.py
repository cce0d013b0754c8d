# expect: values
"""No intercept column: the local linear model is forced through 0."""
import numpy as np


def lime_explain(f, x, baseline, Z, kernel_width, lam=1.0):
    X_pert = np.where(Z == 1, x, baseline)
    y = np.array([f(row) for row in X_pert])
    d = np.sqrt(np.sum((1 - Z) ** 2, axis=1))
    w = np.exp(-d ** 2 / kernel_width ** 2)
    return np.linalg.solve(Z.T @ (w[:, None] * Z) + lam * np.eye(Z.shape[1]), Z.T @ (w * y))
