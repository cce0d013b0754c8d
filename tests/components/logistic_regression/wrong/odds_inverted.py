# expect: values
"""The odds as (1 - p) / p: the log-odds of the other class (sign flipped)."""
import numpy as np
from reference.functions import sigmoid


def logreg_loss_grad(w, X, y):
    N = len(X)
    p = sigmoid(X @ w)
    loss = -np.sum(y * np.log(p) + (1 - y) * np.log(1 - p)) / N
    dw = X.T @ (p - y) / N
    return loss, dw


def log_odds(p):
    return np.log((1 - p) / p)
