"""Cholesky: with Σ = L Lᵀ the distance is ‖L⁻¹ d‖; cosine with a tiny eps in the denominator (as ❷'s cos_similarity)."""
import numpy as np


def minkowski(x, y, p):
    return (np.abs(x - y) ** p).sum() ** (1 / p)


def cosine_distance(x, y, eps=1e-8):
    nx = x / (np.sqrt(np.sum(x ** 2)) + eps)
    ny = y / (np.sqrt(np.sum(y ** 2)) + eps)
    return 1 - np.dot(nx, ny)


def mahalanobis(x, y, cov):
    L = np.linalg.cholesky(cov)
    z = np.linalg.solve(L, x - y)
    return np.sqrt(z @ z)
