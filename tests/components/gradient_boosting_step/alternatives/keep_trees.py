"""Keeps the list of fitted trees and sums their scaled predictions (the additive model F = F0 + lr Σ h_m)."""
import numpy as np
from reference.trees import Stump


def gradient_boosting_step(X, y, F, lr):
    h = Stump().fit(X, y - F).predict(X)
    return F + lr * h


def gradient_boosting(X, y, n_rounds, lr):
    f0 = y.sum() / len(y)
    trees = []
    F = np.full_like(y, f0)
    for _ in range(n_rounds):
        trees.append(Stump().fit(X, y - F))
        F = f0 + lr * sum(t.predict(X) for t in trees)
    return F
