# expect: values
"""Forgot the mask: every centre moves to the mean of ALL samples."""
import numpy as np


def kmeans_assign(X, centers):
    return np.argmin(((X[:, None, :] - centers[None]) ** 2).sum(axis=2), axis=1)


def kmeans(X, init_centers, iters):
    centers = init_centers.copy()
    for _ in range(iters):
        labels = kmeans_assign(X, centers)
        for j in range(len(centers)):
            centers[j] = X.mean(axis=0)
    return centers, kmeans_assign(X, centers)
