"""The loss through log(1 + e^z) - y z (logaddexp, stable), np.mean and np.dot; the logit as -log(1/p - 1)."""
import numpy as np


def logreg_loss_grad(w, X, y):
    z = np.dot(X, w)
    loss = np.mean(np.logaddexp(0, z) - y * z)
    p = 1 / (1 + np.exp(-z))
    dw = np.mean((p - y)[:, None] * X, axis=0)
    return loss, dw


def log_odds(p):
    return -np.log(1 / p - 1)
