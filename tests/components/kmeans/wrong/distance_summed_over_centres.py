# expect: values
"""Sums the squared differences over the wrong axis (axis=1, the centres) and takes the argmin over the D features of an (N, D) array: labels that are feature indices."""
import numpy as np


def kmeans_assign(X, centers):
    return np.argmin(((X[:, None, :] - centers[None]) ** 2).sum(axis=1), axis=1)


def kmeans(X, init_centers, iters):
    centers = init_centers.copy()
    for _ in range(iters):
        labels = kmeans_assign(X, centers)
        for j in range(len(centers)):
            centers[j] = X[labels == j].mean(axis=0)
    return centers, kmeans_assign(X, centers)
