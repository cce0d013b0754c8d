"""Plain loops over the points with math.sqrt."""
import math

import numpy as np


def fcos_ltrb(points, box):
    out = np.zeros((len(points), 4))
    for k, (x, y) in enumerate(points):
        out[k] = [x - box[0], y - box[1], box[2] - x, box[3] - y]
    return out


def inside_box(ltrb):
    return np.array([bool(min(row) > 0) for row in ltrb])


def centerness(ltrb):
    out = np.zeros(len(ltrb))
    for k, (l, t, r, b) in enumerate(ltrb):
        out[k] = math.sqrt(min(l, r) / max(l, r) * min(t, b) / max(t, b))
    return out
