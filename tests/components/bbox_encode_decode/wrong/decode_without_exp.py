# expect: values
"""w = wa * dw: the exp of the log-scale delta is missing in decoding."""
import numpy as np


def bbox_encode(anchors, gt):
    wa = anchors[:, 2] - anchors[:, 0]
    ha = anchors[:, 3] - anchors[:, 1]
    xa = anchors[:, 0] + 0.5 * wa
    ya = anchors[:, 1] + 0.5 * ha
    w = gt[:, 2] - gt[:, 0]
    h = gt[:, 3] - gt[:, 1]
    x = gt[:, 0] + 0.5 * w
    y = gt[:, 1] + 0.5 * h
    tx = (x - xa) / wa
    ty = (y - ya) / ha
    tw = np.log(w / wa)
    th = np.log(h / ha)
    return np.stack([tx, ty, tw, th], axis=1)


def bbox_decode(anchors, deltas):
    x1, y1, x2, y2 = anchors.T
    dx, dy, dw, dh = deltas.T
    wa = x2 - x1
    ha = y2 - y1
    xa = x1 + 0.5 * wa
    ya = y1 + 0.5 * ha
    x = dx * wa + xa
    y = dy * ha + ya
    w = wa * dw
    h = ha * dh
    return np.stack([x - 0.5 * w, y - 0.5 * h, x + 0.5 * w, y + 0.5 * h], axis=1)