"""Loops over bins and over the cells in each bin, a running maximum per channel (torchvision's C++ loop)."""
import math

import numpy as np


def roi_pool(feat, roi, out_h, out_w):
    C, H, W = feat.shape
    x1, y1, x2, y2 = [int(np.rint(v)) for v in roi]
    bin_h = (y2 - y1 + 1) / out_h
    bin_w = (x2 - x1 + 1) / out_w
    out = np.zeros((C, out_h, out_w), dtype=feat.dtype)
    for i in range(out_h):
        for j in range(out_w):
            hs = min(max(math.floor(i * bin_h) + y1, 0), H)
            he = min(max(math.ceil((i + 1) * bin_h) + y1, 0), H)
            ws = min(max(math.floor(j * bin_w) + x1, 0), W)
            we = min(max(math.ceil((j + 1) * bin_w) + x1, 0), W)
            if he <= hs or we <= ws:
                continue
            best = np.full(C, -np.inf)
            for h in range(hs, he):
                for w in range(ws, we):
                    best = np.maximum(best, feat[:, h, w])
            out[:, i, j] = best
    return out
