# expect: mistake
"""KL(q || p) instead of KL(p || q): the arguments swapped (KL is not symmetric)."""
import numpy as np


def kl_divergence(p, q):
    delta = 1e-7
    return np.sum(q * np.log((q + delta) / (p + delta)), axis=-1)
