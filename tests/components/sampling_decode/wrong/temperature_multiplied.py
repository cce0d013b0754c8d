# expect: mistake
"""The temperature multiplies the logits."""
import numpy as np
from reference.functions import softmax


def sampling_probs(logits, temperature=1.0, top_k=None):
    logits = logits * temperature
    if top_k is not None:
        kth = np.sort(logits)[-top_k]
        logits = np.where(logits < kth, -np.inf, logits)
    return softmax(logits)


def sample_next(p, u):
    return int(np.searchsorted(np.cumsum(p), u, side='right'))
