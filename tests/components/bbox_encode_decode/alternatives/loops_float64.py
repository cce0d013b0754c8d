"""A loop over the boxes with math.log / math.exp, computed in float64."""
import math

import numpy as np


def bbox_encode(anchors, gt):
    out = np.zeros((len(anchors), 4))
    for k, (a, g) in enumerate(zip(anchors.tolist(), gt.tolist())):
        wa, ha = a[2] - a[0], a[3] - a[1]
        w, h = g[2] - g[0], g[3] - g[1]
        out[k] = [((g[0] + g[2]) / 2 - (a[0] + a[2]) / 2) / wa, ((g[1] + g[3]) / 2 - (a[1] + a[3]) / 2) / ha,
                  math.log(w / wa), math.log(h / ha)]
    return out


def bbox_decode(anchors, deltas):
    out = np.zeros((len(anchors), 4))
    for k, (a, d) in enumerate(zip(anchors.tolist(), deltas.tolist())):
        wa, ha = a[2] - a[0], a[3] - a[1]
        cx, cy = a[0] + wa / 2 + d[0] * wa, a[1] + ha / 2 + d[1] * ha
        w, h = wa * math.exp(d[2]), ha * math.exp(d[3])
        out[k] = [cx - w / 2, cy - h / 2, cx + w / 2, cy + h / 2]
    return out
