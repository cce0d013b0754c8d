"""FCOS's compute_centerness_targets in NumPy (columns [0, 2] and [1, 3], min / max over them); broadcasting for
the targets; np.all for inside."""
import numpy as np


def fcos_ltrb(points, box):
    lt = points - box[None, :2]
    rb = box[None, 2:] - points
    return np.concatenate([lt, rb], axis=1)


def inside_box(ltrb):
    return np.all(ltrb > 0, axis=1)


def centerness(ltrb):
    left_right = ltrb[:, [0, 2]]
    top_bottom = ltrb[:, [1, 3]]
    c = (left_right.min(axis=-1) / left_right.max(axis=-1)) * (top_bottom.min(axis=-1) / top_bottom.max(axis=-1))
    return np.sqrt(c)
