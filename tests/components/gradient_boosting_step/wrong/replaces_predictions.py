# expect: values
"""Replaces F with lr * tree(X) instead of adding to it."""
import numpy as np
from reference.trees import Stump


def gradient_boosting_step(X, y, F, lr):
    residual = y - F
    tree = Stump().fit(X, residual)
    return lr * tree.predict(X)


def gradient_boosting(X, y, n_rounds, lr):
    F = np.full(len(y), y.mean())
    for _ in range(n_rounds):
        F = gradient_boosting_step(X, y, F, lr)
    return F
