"""KL(p || q) = H(p, q) - H(p)."""
import numpy as np


def kl_divergence(p, q):
    cross = -np.sum(p * np.log(q + 1e-7), axis=-1)
    ent = -np.sum(p * np.log(p + 1e-7), axis=-1)
    return cross - ent
