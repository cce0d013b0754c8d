"""Unsupervised learning: principal component analysis (PCA) and k-means clustering.

PCA: the data are centred; the covariance divides by N - 1 (np.cov's default; N gives the same components, ratios
and projections, only the eigenvalues scale). Components are eigenvectors, so each one's sign is arbitrary.
k-means: Lloyd's algorithm from given initial centres, a fixed number of iterations (assign, then update).
"""
import numpy as np


def pca(X, k):
    """Principal component analysis by the eigendecomposition of the covariance matrix.

    X: (N, D) data, k: number of components kept.
    Returns Z: (N, k) the centred data projected onto the top-k principal components (largest variance first),
    explained_ratio: (k,) each kept component's share of the total variance (寄与率).
    """
    Xc = X - X.mean(axis=0)
    cov = Xc.T @ Xc / (len(X) - 1)
    w, V = np.linalg.eigh(cov)          # ascending eigenvalues, eigenvectors in the columns
    w, V = w[::-1], V[:, ::-1]          # largest variance first
    explained_ratio = w[:k] / w.sum()
    Z = Xc @ V[:, :k]
    return Z, explained_ratio


def kmeans_assign(X, centers):
    """The assignment step: each sample's nearest centre (squared Euclidean distance).

    X: (N, D), centers: (K, D). Returns labels: (N,) int, the index of the nearest centre.
    """
    dist = np.sum((X[:, None, :] - centers[None, :, :]) ** 2, axis=2)   # (N, K)
    labels = np.argmin(dist, axis=1)
    return labels


def kmeans(X, init_centers, iters):
    """Lloyd's k-means from given initial centres: `iters` rounds of assignment then update.

    X: (N, D), init_centers: (K, D) (left unchanged), iters: number of rounds.
    Returns centers: (K, D) after the last update, labels: (N,) the nearest of those returned centres
    (as sklearn's KMeans.labels_). Every cluster is assumed to keep at least one sample.
    """
    centers = init_centers.copy()
    for _ in range(iters):
        labels = kmeans_assign(X, centers)
        for j in range(len(centers)):
            centers[j] = X[labels == j].mean(axis=0)
    return centers, kmeans_assign(X, centers)     # the labels of the returned centres
