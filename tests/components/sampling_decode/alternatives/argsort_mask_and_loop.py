"""top-k with argsort and a boolean mask, the softmax written out; sampling by a loop over the cumulative sum."""
import numpy as np


def sampling_probs(logits, temperature=1.0, top_k=None):
    z = np.asarray(logits, dtype=float) / temperature
    keep = np.ones(z.shape, dtype=bool)
    if top_k is not None:
        keep[:] = False
        keep[np.argsort(z)[::-1][:top_k]] = True
    e = np.where(keep, np.exp(z - z[keep].max()), 0.0)
    return e / e.sum()


def sample_next(p, u):
    total = 0.0
    for i, pi in enumerate(p):
        total += pi
        if u < total:
            return i
    return len(p) - 1
