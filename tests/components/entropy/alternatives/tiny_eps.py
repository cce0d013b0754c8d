"""Entropy with a much smaller epsilon (1e-12) and a dot product per row."""
import numpy as np


def entropy(p, eps=1e-12):
    return -(p * np.log(p + eps)).sum(axis=-1)
