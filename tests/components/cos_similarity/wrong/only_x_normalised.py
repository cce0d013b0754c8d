# expect: values
"""Only x is normalised."""
import numpy as np


def cos_similarity(x, y, eps=1e-8):
    """Cosine similarity of two vectors x, y: (D,), each normalised to length 1 first.

    eps in the denominators keeps a zero vector from dividing by 0 (its similarity is 0).
    """
    nx = x / (np.sqrt(np.sum(x ** 2)) + eps)
    ny = y
    return np.dot(nx, ny)
