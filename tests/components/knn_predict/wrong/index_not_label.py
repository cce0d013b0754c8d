# expect: values
"""Returns the index of the most voted neighbour position rather than its label: argmax of the labels themselves."""
import numpy as np


def knn_predict(X_train, y_train, X, k):
    dist = np.sum((X[:, None, :] - X_train[None, :, :]) ** 2, axis=2)
    nearest = np.argsort(dist, axis=1)[:, :k]
    return np.array([y_train[row].argmax() for row in nearest])
