"""H(p, q) = H(p) + KL(p || q), with 0·log 0 = 0 handled by np.where."""
import numpy as np


def cross_entropy_dist(p, q):
    safe_p = np.where(p > 0, p, 1.0)
    safe_q = np.where(p > 0, q, 1.0)
    h = -np.sum(p * np.log(safe_p), axis=-1)
    kl = np.sum(p * (np.log(safe_p) - np.log(safe_q)), axis=-1)
    return h + kl
