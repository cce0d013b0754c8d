# expect: convention
"""Penalises the intercept too."""
import numpy as np


def lime_explain(f, x, baseline, Z, kernel_width, lam=1.0):
    X_pert = np.where(Z == 1, x, baseline)
    y = np.array([f(row) for row in X_pert])
    d = np.sqrt(np.sum((1 - Z) ** 2, axis=1))
    w = np.exp(-d ** 2 / kernel_width ** 2)
    Zb = np.hstack([np.ones((len(Z), 1)), Z])
    P = np.eye(Zb.shape[1])
    beta = np.linalg.solve(Zb.T @ (w[:, None] * Zb) + lam * P, Zb.T @ (w * y))
    return beta[1:]
