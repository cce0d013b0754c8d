"""Plain loops over samples and centres; stops early once the labels no longer change (same result)."""
import numpy as np


def kmeans_assign(X, centers):
    labels = np.zeros(len(X), dtype=int)
    for i, x in enumerate(X):
        best, best_d = 0, None
        for j, c in enumerate(centers):
            d = sum((x[t] - c[t]) ** 2 for t in range(len(x)))
            if best_d is None or d < best_d:
                best, best_d = j, d
        labels[i] = best
    return labels


def kmeans(X, init_centers, iters):
    centers = init_centers.astype(np.float64)
    labels = None
    for _ in range(iters):
        new = kmeans_assign(X, centers)
        if labels is not None and np.array_equal(new, labels):
            break
        labels = new
        for j in range(len(centers)):
            members = X[labels == j]
            centers[j] = members.sum(axis=0) / len(members)
    return centers.astype(X.dtype), kmeans_assign(X, centers)
