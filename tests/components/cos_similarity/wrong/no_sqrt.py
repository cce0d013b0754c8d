# expect: values
"""The vectors are divided by their squared lengths (no square root)."""
import numpy as np


def cos_similarity(x, y, eps=1e-8):
    """Cosine similarity of two vectors x, y: (D,), each normalised to length 1 first.

    eps in the denominators keeps a zero vector from dividing by 0 (its similarity is 0).
    """
    nx = x / (np.sum(x ** 2) + eps)
    ny = y / (np.sum(y ** 2) + eps)
    return np.dot(nx, ny)
