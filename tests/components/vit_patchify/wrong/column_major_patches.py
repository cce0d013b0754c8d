# expect: values
"""The patches ordered column by column (transpose(0, 4, 2, ...)) instead of row by row."""
import numpy as np


def patchify(x, P):
    N, C, H, W = x.shape
    x = x.reshape(N, C, H // P, P, W // P, P).transpose(0, 4, 2, 1, 3, 5)
    return x.reshape(N, -1, C * P * P)
