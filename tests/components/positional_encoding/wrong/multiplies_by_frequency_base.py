# expect: values
"""pos · 10000^(2i/d) instead of pos / 10000^(2i/d)."""
import numpy as np


def positional_encoding(T, d_model):
    """Sinusoidal positional encoding, (T, d_model) for an even d_model.

    PE[pos, 2i] = sin(pos / 10000^(2i / d_model)), PE[pos, 2i + 1] = cos(pos / 10000^(2i / d_model)).
    """
    pos = np.arange(T)[:, np.newaxis]
    i2 = np.arange(0, d_model, 2)
    angle = pos * np.power(10000, i2 / d_model)
    pe = np.zeros((T, d_model))
    pe[:, 0::2] = np.sin(angle)
    pe[:, 1::2] = np.cos(angle)
    return pe
