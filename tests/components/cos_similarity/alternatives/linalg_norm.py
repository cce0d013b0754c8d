"""Cosine similarity as x·y / (|x| |y|) with np.linalg.norm (eps added to the product of the norms)."""
import numpy as np


def cos_similarity(x, y, eps=1e-8):
    return np.dot(x, y) / (np.linalg.norm(x) * np.linalg.norm(y) + eps)
