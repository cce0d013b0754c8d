# expect: mutates_input
"""The caller's image is erased (no copy)."""
import numpy as np


def random_erasing(img, s, r, top, left, value):
    C, H, W = img.shape
    S_e = s * H * W
    h = int(np.sqrt(S_e * r))
    w = int(np.sqrt(S_e / r))
    img[:, top:top + h, left:left + w] = value
    return img
