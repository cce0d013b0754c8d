# expect: convention
"""Fits 2(y - F), the negative gradient of (y - F)² without the ½."""
import numpy as np
from reference.trees import Stump


def gradient_boosting_step(X, y, F, lr):
    residual = 2 * (y - F)
    tree = Stump().fit(X, residual)
    return F + lr * tree.predict(X)


def gradient_boosting(X, y, n_rounds, lr):
    F = np.full(len(y), y.mean())
    for _ in range(n_rounds):
        F = gradient_boosting_step(X, y, F, lr)
    return F
