"""The book's habit: delta = 1e-7 inside the logs of the cross-entropy (a log(0) guard); the logit via np.log1p."""
import numpy as np


def sigmoid(x):
    return 1 / (1 + np.exp(-x))


def logreg_loss_grad(w, X, y):
    delta = 1e-7
    p = sigmoid(np.dot(X, w))
    loss = -np.mean(y * np.log(p + delta) + (1 - y) * np.log(1 - p + delta))
    grad = np.dot(X.T, p - y) / X.shape[0]
    return loss, grad


def log_odds(p):
    return np.log(p) - np.log1p(-p)
