"""The causal mask as a comparison of key and query positions (key > query)."""
import numpy as np


def causal_mask(T):
    pos = np.arange(T)
    return pos[None, :] > pos[:, None]


def padding_mask(tokens, pad_id):
    return np.equal(tokens, pad_id)[:, None, None, :]
