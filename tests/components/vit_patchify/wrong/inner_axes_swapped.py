# expect: values
"""Inside each patch, the rows and columns swapped: (C, P_w, P_h) order (transposed patches)."""
import numpy as np


def patchify(x, P):
    N, C, H, W = x.shape
    x = x.reshape(N, C, H // P, P, W // P, P).transpose(0, 2, 4, 1, 5, 3)
    return x.reshape(N, -1, C * P * P)
