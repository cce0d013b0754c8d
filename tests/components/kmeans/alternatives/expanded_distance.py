"""||x||^2 - 2 x.c + ||c||^2 with a matrix product; centres from a one-hot matrix: (Y.T @ X) / counts."""
import numpy as np


def kmeans_assign(X, centers):
    d = (X ** 2).sum(axis=1, keepdims=True) - 2 * X @ centers.T + (centers ** 2).sum(axis=1)
    return d.argmin(axis=1)


def kmeans(X, init_centers, iters):
    centers = init_centers.copy()
    K = len(centers)
    for _ in range(iters):
        Y = np.eye(K, dtype=X.dtype)[kmeans_assign(X, centers)]
        centers = (Y.T @ X) / Y.sum(axis=0)[:, None]
    return centers, kmeans_assign(X, centers)
