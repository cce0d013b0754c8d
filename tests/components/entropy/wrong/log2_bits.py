# expect: convention
"""Entropy in bits (log2) where the drill asks for nats."""
import numpy as np


def entropy(p):
    return -np.sum(p * np.log2(p + 1e-7), axis=-1)
