# expect: values
"""Skips the nearest sample as if the query were in the training set (leave-one-out habit): [1:k+1]."""
import numpy as np


def knn_predict(X_train, y_train, X, k):
    dist = np.sum((X[:, None, :] - X_train[None, :, :]) ** 2, axis=2)
    nearest = np.argsort(dist, axis=1)[:, 1:k + 1]
    return np.array([np.bincount(y_train[row]).argmax() for row in nearest])
