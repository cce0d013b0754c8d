"""Pooling a region of interest of a feature map into a fixed grid: Fast R-CNN's RoI pooling (quantised bins, max)
and Mask R-CNN's RoI Align (no rounding, bilinear samples, mean).

feat: (C, H, W) one image's feature map; roi: (4,) as (x1, y1, x2, y2) already in feature-map coordinates
(spatial_scale applied).
"""
import numpy as np


def roi_pool(feat, roi, out_h, out_w):
    """RoI max pooling (Fast R-CNN, torchvision.ops.roi_pool with spatial_scale 1).

    The RoI (x2 >= x1, y2 >= y1) is rounded to whole cells and covers cells x1 .. x2 inclusive (width x2 - x1 + 1);
    bin i spans rows floor(i * bin_h) .. ceil((i + 1) * bin_h) - 1 from y1, clipped to the map; an empty bin gives 0.
    Returns (C, out_h, out_w).
    """
    C, H, W = feat.shape
    x1, y1, x2, y2 = np.round(roi).astype(int)
    roi_w = x2 - x1 + 1
    roi_h = y2 - y1 + 1
    bin_w = roi_w / out_w
    bin_h = roi_h / out_h
    out = np.zeros((C, out_h, out_w), dtype=feat.dtype)
    for i in range(out_h):
        hstart = max(int(np.floor(i * bin_h)) + y1, 0)
        hend = min(int(np.ceil((i + 1) * bin_h)) + y1, H)
        for j in range(out_w):
            wstart = max(int(np.floor(j * bin_w)) + x1, 0)
            wend = min(int(np.ceil((j + 1) * bin_w)) + x1, W)
            if hend > hstart and wend > wstart:
                out[:, i, j] = np.max(feat[:, hstart:hend, wstart:wend], axis=(1, 2))
    return out


def linear_weights(coords, size):
    """1-D linear interpolation at coordinates in [0, size - 1]: the neighbours below and above and their weights.

    coords: (S,). Returns (lo, hi, w_lo, w_hi), each (S,).
    """
    lo = np.floor(coords).astype(int)
    hi = np.minimum(lo + 1, size - 1)
    w_hi = coords - lo
    w_lo = 1 - w_hi
    return lo, hi, w_lo, w_hi


class RoIAlign:
    """RoI Align (Mask R-CNN; torchvision.ops.roi_align with aligned=False, spatial_scale 1).

    Each of the out_h x out_w bins takes sampling x sampling points at the centres of a regular sub-grid, reads
    each point by bilinear interpolation and averages them. The RoI is never rounded; its size is at least 1.
    forward(feat, roi): feat (C, H, W), roi (4,) inside [0, W - 1] x [0, H - 1] -> (C, out_h, out_w).
    backward(dout): dout (C, out_h, out_w) -> dfeat (C, H, W).
    """

    def __init__(self, out_h, out_w, sampling=2):
        self.out_h = out_h
        self.out_w = out_w
        self.sampling = sampling
        self.cache = None

    def forward(self, feat, roi):
        C, H, W = feat.shape
        s = self.sampling
        x1, y1, x2, y2 = roi
        bin_h = max(y2 - y1, 1.0) / self.out_h
        bin_w = max(x2 - x1, 1.0) / self.out_w
        ys = y1 + (np.arange(self.out_h * s) + 0.5) * bin_h / s      # s rows of samples per bin, centred
        xs = x1 + (np.arange(self.out_w * s) + 0.5) * bin_w / s
        y_lo, y_hi, wy_lo, wy_hi = linear_weights(ys, H)
        x_lo, x_hi, wx_lo, wx_hi = linear_weights(xs, W)
        top = wx_lo * feat[:, y_lo][:, :, x_lo] + wx_hi * feat[:, y_lo][:, :, x_hi]
        bottom = wx_lo * feat[:, y_hi][:, :, x_lo] + wx_hi * feat[:, y_hi][:, :, x_hi]
        samples = wy_lo[:, None] * top + wy_hi[:, None] * bottom      # (C, out_h * s, out_w * s)
        self.cache = (feat.shape, (y_lo, wy_lo), (y_hi, wy_hi), (x_lo, wx_lo), (x_hi, wx_hi))
        return samples.reshape(C, self.out_h, s, self.out_w, s).mean(axis=(2, 4))

    def backward(self, dout):
        shape, *corners = self.cache
        s = self.sampling
        dsamples = dout.repeat(s, axis=1).repeat(s, axis=2) / (s * s)
        dfeat = np.zeros(shape, dtype=dout.dtype)
        for yi, wy in corners[:2]:
            for xi, wx in corners[2:]:
                np.add.at(dfeat, (slice(None), yi[:, None], xi[None, :]), dsamples * wy[:, None] * wx[None, :])
        return dfeat
