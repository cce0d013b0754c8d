# expect: shape
"""The padding mask lines up with the query axis (N, 1, T, 1), not the keys."""
import numpy as np


def causal_mask(T):
    """Look-ahead mask (T, T), bool: True above the diagonal (the keys after each query's position)."""
    return np.triu(np.ones((T, T), dtype=bool), k=1)


def padding_mask(tokens, pad_id):
    """Padding mask (N, 1, 1, T), bool, from token ids (N, T): True at the padding keys."""
    return (tokens == pad_id)[:, np.newaxis, :, np.newaxis]
