"""Weighted centring (the intercept by weighted means, as sklearn's Ridge with sample_weight), np.diag weights."""
import numpy as np


def lime_explain(f, x, baseline, Z, kernel_width, lam=1.0):
    Zf = Z.astype(np.float64)
    X_pert = Zf * x + (1 - Zf) * baseline
    y = np.array([f(row) for row in X_pert], dtype=np.float64)
    removed = (1 - Zf).sum(axis=1)                 # ‖1 - z‖² for a 0/1 mask
    w = np.exp(-removed / kernel_width ** 2)
    z_mean = w @ Zf / w.sum()
    y_mean = w @ y / w.sum()
    Zc, yc = Zf - z_mean, y - y_mean
    W = np.diag(w)
    return np.linalg.solve(Zc.T @ W @ Zc + lam * np.eye(Z.shape[1]), Zc.T @ W @ yc)
