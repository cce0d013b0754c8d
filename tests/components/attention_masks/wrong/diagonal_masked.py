# expect: values
"""np.triu(..., k=0) also hides each query's own position."""
import numpy as np


def causal_mask(T):
    """Look-ahead mask (T, T), bool: True above the diagonal (the keys after each query's position)."""
    return np.triu(np.ones((T, T), dtype=bool), k=0)


def padding_mask(tokens, pad_id):
    """Padding mask (N, 1, 1, T), bool, from token ids (N, T): True at the padding keys."""
    return (tokens == pad_id)[:, np.newaxis, np.newaxis, :]
