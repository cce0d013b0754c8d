"""Plain Python loops over the components, math.sqrt; Mahalanobis by a double loop over Σ⁻¹."""
import math

import numpy as np


def minkowski(x, y, p):
    total = 0.0
    for a, b in zip(x, y):
        total += abs(a - b) ** p
    return total ** (1.0 / p)


def cosine_distance(x, y):
    dot = sum(a * b for a, b in zip(x, y))
    nx = math.sqrt(sum(a * a for a in x))
    ny = math.sqrt(sum(b * b for b in y))
    return 1.0 - dot / (nx * ny)


def mahalanobis(x, y, cov):
    inv = np.linalg.inv(cov)
    d = [a - b for a, b in zip(x, y)]
    q = sum(d[i] * inv[i, j] * d[j] for i in range(len(d)) for j in range(len(d)))
    return math.sqrt(q)
