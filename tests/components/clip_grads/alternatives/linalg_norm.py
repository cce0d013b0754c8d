"""clip_grads with np.linalg.norm of the flattened gradients and np.multiply(..., out=...)."""
import numpy as np


def clip_grads(grads, max_norm):
    total_norm = np.linalg.norm(np.concatenate([g.ravel() for g in grads]))
    rate = max_norm / (total_norm + 1e-6)
    if rate < 1:
        for g in grads:
            np.multiply(g, rate, out=g)
