# expect: values
"""The bins not shifted by the RoI's corner: pooled from the top-left of the map."""
import numpy as np


def roi_pool(feat, roi, out_h, out_w):
    C, H, W = feat.shape
    x1, y1, x2, y2 = np.round(roi).astype(int)
    roi_w = x2 - x1 + 1
    roi_h = y2 - y1 + 1
    bin_w = roi_w / out_w
    bin_h = roi_h / out_h
    out = np.zeros((C, out_h, out_w), dtype=feat.dtype)
    for i in range(out_h):
        hstart = max(int(np.floor(i * bin_h)), 0)
        hend = min(int(np.ceil((i + 1) * bin_h)), H)
        for j in range(out_w):
            wstart = max(int(np.floor(j * bin_w)) + x1, 0)
            wend = min(int(np.ceil((j + 1) * bin_w)) + x1, W)
            if hend > hstart and wend > wstart:
                out[:, i, j] = np.max(feat[:, hstart:hend, wstart:wend], axis=(1, 2))
    return out