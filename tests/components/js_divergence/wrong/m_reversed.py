# expect: values
"""KL(m || p) and KL(m || q): m put first."""
import numpy as np
from reference.info import kl_divergence


def js_divergence(p, q):
    m = 0.5 * (p + q)
    return 0.5 * kl_divergence(m, p) + 0.5 * kl_divergence(m, q)
