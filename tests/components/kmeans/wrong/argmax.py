# expect: values
"""Assigns each sample to the FARTHEST centre (argmax instead of argmin)."""
import numpy as np


def kmeans_assign(X, centers):
    return np.argmax(((X[:, None, :] - centers[None]) ** 2).sum(axis=2), axis=1)


def kmeans(X, init_centers, iters):
    centers = init_centers.copy()
    for _ in range(iters):
        labels = kmeans_assign(X, centers)
        for j in range(len(centers)):
            centers[j] = X[labels == j].mean(axis=0)
    return centers, kmeans_assign(X, centers)
