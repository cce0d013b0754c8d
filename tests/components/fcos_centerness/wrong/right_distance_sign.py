# expect: values
"""r = x - x1: the right distance with the wrong sign (negative inside the box)."""
import numpy as np


def fcos_ltrb(points, box):
    x = points[:, 0]
    y = points[:, 1]
    l = x - box[0]
    t = y - box[1]
    r = x - box[2]
    b = y - box[3]
    return np.stack([l, t, r, b], axis=1)


def inside_box(ltrb):
    return np.min(ltrb, axis=1) > 0


def centerness(ltrb):
    l, t, r, b = ltrb[:, 0], ltrb[:, 1], ltrb[:, 2], ltrb[:, 3]
    lr = np.minimum(l, r) / np.maximum(l, r)
    tb = np.minimum(t, b) / np.maximum(t, b)
    return np.sqrt(lr * tb)