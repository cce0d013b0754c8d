# expect: values
"""Sums the signed differences instead of their squares: not a distance."""
import numpy as np


def knn_predict(X_train, y_train, X, k):
    dist = np.sum(X[:, None, :] - X_train[None, :, :], axis=2)
    nearest = np.argsort(dist, axis=1)[:, :k]
    return np.array([np.bincount(y_train[row]).argmax() for row in nearest])
