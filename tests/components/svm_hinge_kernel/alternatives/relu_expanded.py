"""The hinge as a ReLU with np.where for the subgradient; the kernel from ‖x‖² - 2x·y + ‖y‖² (clipped at 0)."""
import numpy as np


def hinge_loss(w, X, y, C):
    slack = np.maximum(1 - y * np.dot(X, w), 0)
    loss = np.dot(w, w) / 2 + C * slack.sum()
    coef = np.where(slack > 0, -y, 0.0)
    return loss, w + C * np.dot(coef, X)


def rbf_kernel(X, Y, gamma):
    sq = (X ** 2).sum(1)[:, None] - 2 * X @ Y.T + (Y ** 2).sum(1)[None, :]
    return np.exp(-gamma * np.maximum(sq, 0))
