"""softmax first, then the top-k probabilities renormalised; sampling with argmax over cumsum > u."""
import numpy as np
from reference.functions import softmax


def sampling_probs(logits, temperature=1.0, top_k=None):
    p = softmax(logits / temperature)
    if top_k is not None:
        idx = np.argpartition(p, -top_k)[-top_k:]
        q = np.zeros_like(p)
        q[idx] = p[idx]
        p = q / q.sum()
    return p


def sample_next(p, u):
    return int(np.argmax(np.cumsum(p) > u))
