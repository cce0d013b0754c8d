# expect: values
"""Averages the neighbours' labels (regression) and rounds, instead of a majority vote."""
import numpy as np


def knn_predict(X_train, y_train, X, k):
    dist = np.sum((X[:, None, :] - X_train[None, :, :]) ** 2, axis=2)
    nearest = np.argsort(dist, axis=1)[:, :k]
    return np.array([int(np.round(y_train[row].mean())) for row in nearest])
