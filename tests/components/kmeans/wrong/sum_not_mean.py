# expect: values
"""The new centre is the SUM of its samples, not their mean."""
import numpy as np


def kmeans_assign(X, centers):
    return np.argmin(((X[:, None, :] - centers[None]) ** 2).sum(axis=2), axis=1)


def kmeans(X, init_centers, iters):
    centers = init_centers.copy()
    for _ in range(iters):
        labels = kmeans_assign(X, centers)
        for j in range(len(centers)):
            centers[j] = X[labels == j].sum(axis=0)
    return centers, kmeans_assign(X, centers)
