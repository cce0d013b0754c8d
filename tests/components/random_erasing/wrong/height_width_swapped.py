# expect: values
"""h = √(S_e / r) and w = √(S_e·r): the aspect ratio read as width / height."""
import numpy as np


def random_erasing(img, s, r, top, left, value):
    C, H, W = img.shape
    S_e = s * H * W
    h = int(np.sqrt(S_e / r))
    w = int(np.sqrt(S_e * r))
    out = img.copy()
    out[:, top:top + h, left:left + w] = value
    return out
