"""torchvision's int(round(...)) sizes (they agree with int() here) and a boolean mask with np.where."""
import math
import numpy as np


def random_erasing(img, s, r, top, left, value):
    C, H, W = img.shape
    area = H * W * s
    h = int(round(math.sqrt(area * r)))
    w = int(round(math.sqrt(area / r)))
    rows, cols = np.arange(H)[:, None], np.arange(W)[None, :]
    inside = (rows >= top) & (rows < top + h) & (cols >= left) & (cols < left + w)
    return np.where(inside, np.broadcast_to(value, (C, 1, 1)), img).astype(img.dtype)
