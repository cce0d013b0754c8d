# expect: convention
"""KL in bits (log2) where the drill asks for nats."""
import numpy as np


def kl_divergence(p, q):
    delta = 1e-7
    return np.sum(p * np.log2((p + delta) / (q + delta)), axis=-1)
