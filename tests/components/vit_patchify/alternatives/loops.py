"""Patches cut with loops over the patch grid, each flattened with reshape(N, -1)."""
import numpy as np


def patchify(x, P):
    N, C, H, W = x.shape
    out = []
    for i in range(H // P):
        for j in range(W // P):
            out.append(x[:, :, i * P:(i + 1) * P, j * P:(j + 1) * P].reshape(N, -1))
    return np.stack(out, axis=1)
