"""Positional encoding with the frequencies as exp(-2i·ln(10000)/d) (the PyTorch tutorial's div_term)."""
import numpy as np


def positional_encoding(T, d_model):
    position = np.arange(T, dtype=np.float64)[:, None]
    div_term = np.exp(np.arange(0, d_model, 2) * (-np.log(10000.0) / d_model))
    pe = np.empty((T, d_model))
    pe[:, 0::2] = np.sin(position * div_term)
    pe[:, 1::2] = np.cos(position * div_term)
    return pe
