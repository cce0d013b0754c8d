# expect: values
"""Takes the k FARTHEST samples (the end of the ascending argsort)."""
import numpy as np


def knn_predict(X_train, y_train, X, k):
    dist = np.sum((X[:, None, :] - X_train[None, :, :]) ** 2, axis=2)
    nearest = np.argsort(dist, axis=1)[:, -k:]
    return np.array([np.bincount(y_train[row]).argmax() for row in nearest])
