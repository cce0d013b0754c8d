# expect: values
"""The loss is averaged but the gradient is not: the two disagree by a factor N."""
import numpy as np
from reference.functions import sigmoid


def logreg_loss_grad(w, X, y):
    N = len(X)
    p = sigmoid(X @ w)
    loss = -np.sum(y * np.log(p) + (1 - y) * np.log(1 - p)) / N
    dw = X.T @ (p - y)
    return loss, dw


def log_odds(p):
    return np.log(p / (1 - p))
