# expect: values
"""The cross-entropy in log2 (bits) where the drill uses the natural log."""
import numpy as np
from reference.functions import sigmoid


def logreg_loss_grad(w, X, y):
    N = len(X)
    p = sigmoid(X @ w)
    loss = -np.sum(y * np.log2(p) + (1 - y) * np.log2(1 - p)) / N
    dw = X.T @ (p - y) / N
    return loss, dw


def log_odds(p):
    return np.log(p / (1 - p))
