# expect: values
"""The symmetrised KL ½(KL(p||q) + KL(q||p)) instead of the divergences to the mixture m."""
import numpy as np
from reference.info import kl_divergence


def js_divergence(p, q):
    return 0.5 * kl_divergence(p, q) + 0.5 * kl_divergence(q, p)
