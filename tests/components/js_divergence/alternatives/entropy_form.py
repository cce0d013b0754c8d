"""JS(p, q) = H(m) - (H(p) + H(q)) / 2."""
import numpy as np


def _h(p):
    return -np.sum(p * np.log(np.where(p > 0, p, 1.0)), axis=-1)


def js_divergence(p, q):
    m = 0.5 * (p + q)
    return _h(m) - 0.5 * (_h(p) + _h(q))
