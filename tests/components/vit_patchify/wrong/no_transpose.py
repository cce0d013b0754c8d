# expect: values
"""A bare reshape: each 'patch' is a run of pixels along the rows, not a P × P square."""
import numpy as np


def patchify(x, P):
    N, C, H, W = x.shape
    return x.reshape(N, (H // P) * (W // P), C * P * P)
