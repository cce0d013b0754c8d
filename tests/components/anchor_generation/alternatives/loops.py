"""Nested loops in the stated order: row i, column j, ratio, scale."""
import math

import numpy as np


def make_anchors(base, ratios, scales, stride, H, W):
    out = []
    for i in range(H):
        for j in range(W):
            cx, cy = (j + 0.5) * stride, (i + 0.5) * stride
            for r in ratios:
                for s in scales:
                    w = base * s / math.sqrt(r)
                    h = base * s * math.sqrt(r)
                    out.append([cx - w / 2, cy - h / 2, cx + w / 2, cy + h / 2])
    return np.array(out)
