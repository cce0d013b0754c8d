# expect: values
"""left used as the row and top as the column."""
import numpy as np


def random_erasing(img, s, r, top, left, value):
    C, H, W = img.shape
    S_e = s * H * W
    h = int(np.sqrt(S_e * r))
    w = int(np.sqrt(S_e / r))
    out = img.copy()
    out[:, left:left + h, top:top + w] = value
    return out
