# expect: mistake
"""The other words' probabilities zeroed after the softmax, the kept ones not renormalised."""
import numpy as np
from reference.functions import softmax


def sampling_probs(logits, temperature=1.0, top_k=None):
    p = softmax(logits / temperature)
    if top_k is not None:
        p[np.argsort(p)[:-top_k]] = 0
    return p


def sample_next(p, u):
    return int(np.searchsorted(np.cumsum(p), u, side='right'))
