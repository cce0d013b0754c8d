"""A loop over the channels; the width from the height (w = S_e / h before rounding)."""
import numpy as np


def random_erasing(img, s, r, top, left, value):
    C, H, W = img.shape
    S_e = s * (H * W)
    h_exact = (S_e * r) ** 0.5
    h, w = int(h_exact), int(S_e / h_exact)
    fill = np.broadcast_to(np.asarray(value, dtype=img.dtype), (C, 1, 1))
    out = np.array(img, copy=True)
    for c in range(C):
        out[c, top:top + h, left:left + w] = fill[c, 0, 0]
    return out
