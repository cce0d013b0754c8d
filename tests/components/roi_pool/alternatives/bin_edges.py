"""All bin edges computed first with numpy (floor / ceil of the bin boundaries), Python's round for the RoI
(no .5 ties in the cases), np.clip for the map's edges."""
import math

import numpy as np


def roi_pool(feat, roi, out_h, out_w):
    C, H, W = feat.shape
    x1, y1, x2, y2 = (int(round(float(v))) for v in roi)
    ys = np.arange(out_h + 1) * (y2 - y1 + 1) / out_h
    xs = np.arange(out_w + 1) * (x2 - x1 + 1) / out_w
    h0 = np.clip(np.floor(ys[:-1]).astype(int) + y1, 0, H)
    h1 = np.clip(np.ceil(ys[1:]).astype(int) + y1, 0, H)
    w0 = np.clip(np.floor(xs[:-1]).astype(int) + x1, 0, W)
    w1 = np.clip(np.ceil(xs[1:]).astype(int) + x1, 0, W)
    out = np.zeros((C, out_h, out_w), dtype=feat.dtype)
    for i in range(out_h):
        for j in range(out_w):
            if h1[i] > h0[i] and w1[j] > w0[j]:
                out[:, i, j] = feat[:, h0[i]:h1[i], w0[j]:w1[j]].reshape(C, -1).max(axis=1)
    return out
