# expect: values
"""dfeat[...] += instead of np.add.at: a cell read by several samples gets only one of their gradients."""
import numpy as np

from reference.roi import linear_weights


class RoIAlign:

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
                dfeat[:, yi[:, None], xi[None, :]] += dsamples * wy[:, None] * wx[None, :]
        return dfeat