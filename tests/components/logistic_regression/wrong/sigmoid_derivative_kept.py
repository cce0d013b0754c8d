# expect: values
"""Multiplies the gradient by σ'(z) = p(1 - p) again (the MSE gradient shape), although it cancels for the cross-entropy."""
import numpy as np
from reference.functions import sigmoid


def logreg_loss_grad(w, X, y):
    N = len(X)
    p = sigmoid(X @ w)
    loss = -np.sum(y * np.log(p) + (1 - y) * np.log(1 - p)) / N
    dw = X.T @ ((p - y) * p * (1 - p)) / N
    return loss, dw


def log_odds(p):
    return np.log(p / (1 - p))
