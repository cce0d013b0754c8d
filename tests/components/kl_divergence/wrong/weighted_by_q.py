# expect: values
"""The log ratio is right but weighted by q instead of p."""
import numpy as np


def kl_divergence(p, q):
    delta = 1e-7
    return np.sum(q * np.log((p + delta) / (q + delta)), axis=-1)
