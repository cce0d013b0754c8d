# expect: values
"""l / r and t / b instead of min / max: above 1 when the point is right of the centre."""
import numpy as np


def fcos_ltrb(points, box):
    x = points[:, 0]
    y = points[:, 1]
    l = x - box[0]
    t = y - box[1]
    r = box[2] - x
    b = box[3] - y
    return np.stack([l, t, r, b], axis=1)


def inside_box(ltrb):
    return np.min(ltrb, axis=1) > 0


def centerness(ltrb):
    l, t, r, b = ltrb[:, 0], ltrb[:, 1], ltrb[:, 2], ltrb[:, 3]
    lr = l / r
    tb = t / b
    return np.sqrt(lr * tb)