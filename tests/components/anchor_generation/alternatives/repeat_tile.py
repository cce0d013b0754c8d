"""np.repeat / np.tile for the orders; the size from the area: w = sqrt(area / r), h = w * r."""
import numpy as np


def make_anchors(base, ratios, scales, stride, H, W):
    r = np.repeat(ratios, len(scales))          # ratio outer
    s = np.tile(scales, len(ratios))            # scale inner
    area = (base * s) ** 2
    w = np.sqrt(area / r)
    h = w * r
    A = len(r)
    ys = np.repeat((np.arange(H) + 0.5) * stride, W)      # row-major positions
    xs = np.tile((np.arange(W) + 0.5) * stride, H)
    cx = np.repeat(xs, A)
    cy = np.repeat(ys, A)
    ww = np.tile(w, H * W)
    hh = np.tile(h, H * W)
    return np.stack([cx - ww / 2, cy - hh / 2, cx + ww / 2, cy + hh / 2], axis=1)
