"""Loops over bins and sample points, a bilinear_interpolate per point (Mask R-CNN's C++ form), the backward loop
adding the four weighted corners."""
import math

import numpy as np


class RoIAlign:
    def __init__(self, out_h, out_w, sampling=2):
        self.out_h = out_h
        self.out_w = out_w
        self.sampling = sampling

    def _points(self):
        x1, y1, x2, y2 = self.roi
        bh = max(y2 - y1, 1.0) / self.out_h
        bw = max(x2 - x1, 1.0) / self.out_w
        s = self.sampling
        for i in range(self.out_h):
            for j in range(self.out_w):
                for a in range(s):
                    for b in range(s):
                        y = y1 + i * bh + (a + 0.5) * bh / s
                        x = x1 + j * bw + (b + 0.5) * bw / s
                        y0, x0 = math.floor(y), math.floor(x)
                        y1_, x1_ = min(y0 + 1, self.H - 1), min(x0 + 1, self.W - 1)
                        ly, lx = y - y0, x - x0
                        yield i, j, [(y0, x0, (1 - ly) * (1 - lx)), (y0, x1_, (1 - ly) * lx),
                                     (y1_, x0, ly * (1 - lx)), (y1_, x1_, ly * lx)]

    def forward(self, feat, roi):
        C, self.H, self.W = feat.shape
        self.roi = roi
        out = np.zeros((C, self.out_h, self.out_w), dtype=feat.dtype)
        for i, j, corners in self._points():
            for yy, xx, w in corners:
                out[:, i, j] += w * feat[:, yy, xx]
        return out / self.sampling ** 2

    def backward(self, dout):
        dfeat = np.zeros((dout.shape[0], self.H, self.W), dtype=dout.dtype)
        for i, j, corners in self._points():
            for yy, xx, w in corners:
                dfeat[:, yy, xx] += w * dout[:, i, j] / self.sampling ** 2
        return dfeat
