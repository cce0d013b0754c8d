# expect: values
"""The area ratio s used as the area itself (S_e = s, not s·H·W): a box of at most one pixel."""
import numpy as np


def random_erasing(img, s, r, top, left, value):
    h = int(np.sqrt(s * r))
    w = int(np.sqrt(s / r))
    out = img.copy()
    out[:, top:top + h, left:left + w] = value
    return out
