# expect: finite
"""Uses the linear output X w as the probability (forgot the sigmoid): log of negative numbers."""
import numpy as np
from reference.functions import sigmoid


def logreg_loss_grad(w, X, y):
    N = len(X)
    p = X @ w
    loss = -np.sum(y * np.log(p) + (1 - y) * np.log(1 - p)) / N
    dw = X.T @ (p - y) / N
    return loss, dw


def log_odds(p):
    return np.log(p / (1 - p))
