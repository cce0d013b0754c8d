"""Positional encoding with two loops over positions and dimension pairs (math.sin / math.cos)."""
import math

import numpy as np


def positional_encoding(T, d_model):
    pe = np.zeros((T, d_model))
    for pos in range(T):
        for i in range(0, d_model, 2):
            angle = pos / (10000 ** (i / d_model))
            pe[pos, i] = math.sin(angle)
            pe[pos, i + 1] = math.cos(angle)
    return pe
