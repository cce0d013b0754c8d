# expect: values
"""np.tril: hides the past instead of the future."""
import numpy as np


def causal_mask(T):
    """Look-ahead mask (T, T), bool: True above the diagonal (the keys after each query's position)."""
    return np.tril(np.ones((T, T), dtype=bool), k=-1)


def padding_mask(tokens, pad_id):
    """Padding mask (N, 1, 1, T), bool, from token ids (N, T): True at the padding keys."""
    return (tokens == pad_id)[:, np.newaxis, np.newaxis, :]
