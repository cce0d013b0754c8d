# expect: convention
"""The JS distance (square root), as scipy.spatial.distance.jensenshannon returns."""
import numpy as np
from reference.info import kl_divergence


def js_divergence(p, q):
    m = 0.5 * (p + q)
    return np.sqrt(0.5 * kl_divergence(p, m) + 0.5 * kl_divergence(q, m))
