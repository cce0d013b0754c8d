# expect: convention
"""Patches flattened in (P, P, C) order (einops' '(p1 p2 c)')."""
import numpy as np


def patchify(x, P):
    N, C, H, W = x.shape
    x = x.reshape(N, C, H // P, P, W // P, P).transpose(0, 2, 4, 3, 5, 1)
    return x.reshape(N, -1, C * P * P)
