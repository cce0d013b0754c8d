# expect: values
"""w + C Σ y x: the hinge part of the subgradient with the wrong sign."""
import numpy as np


def hinge_loss(w, X, y, C):
    margin = y * (X @ w)
    loss = 0.5 * np.sum(w ** 2) + C * np.sum(np.maximum(0, 1 - margin))
    dw = w + C * X.T @ (y * (margin < 1))
    return loss, dw


def rbf_kernel(X, Y, gamma):
    sqdist = np.sum((X[:, None, :] - Y[None, :, :]) ** 2, axis=2)
    return np.exp(-gamma * sqdist)
