# expect: values
"""The gradients are scaled even when their norm is below max_norm (no rate < 1 test)."""
import numpy as np


def clip_grads(grads, max_norm):
    """Gradient clipping by the global L2 norm, in place.

    grads: list of arrays. If the norm of all of them together exceeds max_norm, every array is
    multiplied by max_norm / (norm + 1e-6); otherwise nothing changes. Returns None.
    """
    total_norm = 0
    for grad in grads:
        total_norm += np.sum(grad ** 2)
    total_norm = np.sqrt(total_norm)

    rate = max_norm / (total_norm + 1e-6)
    for grad in grads:
        grad *= rate
