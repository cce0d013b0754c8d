"""Expanded squared distances, np.argpartition (the k nearest in any order) and one-hot vote counts."""
import numpy as np


def knn_predict(X_train, y_train, X, k):
    d2 = (X ** 2).sum(1)[:, None] - 2 * X @ X_train.T + (X_train ** 2).sum(1)[None, :]
    nearest = np.argpartition(d2, k - 1, axis=1)[:, :k]
    C = y_train.max() + 1
    votes = np.eye(C, dtype=int)[y_train[nearest]].sum(axis=1)   # (M, C)
    return votes.argmax(axis=1)
