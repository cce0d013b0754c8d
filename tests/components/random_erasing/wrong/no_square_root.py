# expect: values
"""h = S_e·r without the square root: the rectangle's area is not S_e."""
import numpy as np


def random_erasing(img, s, r, top, left, value):
    C, H, W = img.shape
    S_e = s * H * W
    h = int(S_e * r)
    w = int(S_e / r)
    out = img.copy()
    out[:, top:top + h, left:left + w] = value
    return out
