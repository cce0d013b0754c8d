# expect: convention
"""Cross entropy in bits (log2) where the drill asks for nats."""
import numpy as np


def cross_entropy_dist(p, q):
    return -np.sum(p * np.log2(q + 1e-7), axis=-1)
