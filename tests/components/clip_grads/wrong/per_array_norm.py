# expect: values
"""Each array is clipped by its own norm, not by the norm of all gradients together."""
import numpy as np


def clip_grads(grads, max_norm):
    """Gradient clipping by the global L2 norm, in place.

    grads: list of arrays. If the norm of all of them together exceeds max_norm, every array is
    multiplied by max_norm / (norm + 1e-6); otherwise nothing changes. Returns None.
    """
    for grad in grads:
        rate = max_norm / (np.sqrt(np.sum(grad ** 2)) + 1e-6)
        if rate < 1:
            grad *= rate
