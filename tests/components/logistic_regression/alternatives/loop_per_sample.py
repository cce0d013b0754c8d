"""One sample at a time with math.exp / math.log; the logit as log p - log(1 - p)."""
import math

import numpy as np


def logreg_loss_grad(w, X, y):
    N, D = X.shape
    loss = 0.0
    dw = np.zeros(D)
    for n in range(N):
        z = float(np.dot(X[n], w))
        p = 1.0 / (1.0 + math.exp(-z))
        loss -= y[n] * math.log(p) + (1 - y[n]) * math.log(1 - p)
        dw += (p - y[n]) * X[n]
    return loss / N, dw / N


def log_odds(p):
    return np.log(p) - np.log1p(-p)
