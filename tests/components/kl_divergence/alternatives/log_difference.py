"""KL as Σ p (log p - log q), with eps 1e-10."""
import numpy as np


def kl_divergence(p, q, eps=1e-10):
    return np.sum(p * (np.log(p + eps) - np.log(q + eps)), axis=-1)
