"""JS written out without the given kl_divergence (eps 1e-12)."""
import numpy as np


def js_divergence(p, q):
    m = (p + q) / 2
    eps = 1e-12
    a = np.sum(p * np.log((p + eps) / (m + eps)), axis=-1)
    b = np.sum(q * np.log((q + eps) / (m + eps)), axis=-1)
    return (a + b) / 2
