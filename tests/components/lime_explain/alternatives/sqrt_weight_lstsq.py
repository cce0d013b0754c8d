"""Rows scaled by sqrt(w) and the penalty as extra rows, solved with np.linalg.lstsq; the distance by np.linalg.norm."""
import numpy as np


def lime_explain(f, x, baseline, Z, kernel_width, lam=1.0):
    S, M = Z.shape
    keep = Z.astype(bool)
    y = np.array([f(np.where(keep[k], x, baseline)) for k in range(S)])
    d = np.linalg.norm(1.0 - Z, axis=1)
    sw = np.sqrt(np.exp(-(d / kernel_width) ** 2))
    A = np.c_[np.ones(S), Z] * sw[:, None]
    A = np.vstack([A, np.sqrt(lam) * np.eye(M + 1)[1:]])
    t = np.concatenate([y * sw, np.zeros(M)])
    return np.linalg.lstsq(A, t, rcond=None)[0][1:]
