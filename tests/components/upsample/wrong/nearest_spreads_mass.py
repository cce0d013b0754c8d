# expect: values
"""Each pixel's value shared out over its s x s block (divided by s**2, as average pooling's backward does) instead of copied into every cell; backward then averages the block, the gradient of that forward."""
import numpy as np


class UpsampleNearest:
    """Nearest-neighbour upsampling: every pixel becomes a scale x scale block.

    x: (N, C, H, W) -> out: (N, C, H*scale, W*scale). backward sums each block's
    gradient back into its pixel.
    """

    def __init__(self, scale=2):
        self.scale = scale

    def forward(self, x):
        out = x.repeat(self.scale, axis=2).repeat(self.scale, axis=3) / self.scale ** 2
        return out

    def backward(self, dout):
        N, C, H_out, W_out = dout.shape
        s = self.scale
        dx = dout.reshape(N, C, H_out // s, s, W_out // s, s).mean(axis=(3, 5))
        return dx


class UpsampleBilinear:
    """Bilinear upsampling with align_corners=False (F.interpolate's default).

    x: (N, C, H, W) -> out: (N, C, H*scale, W*scale). Output pixel i samples the
    input at (i + 0.5) / scale - 0.5 (pixel centres line up), clamped at 0; it
    mixes the two nearest rows (y0, y1 = y0 + 1, clamped at the border) with
    weights (1 - ly, ly), and the same along the width. backward adds each
    output's gradient back into its four source pixels with those weights.
    """

    def __init__(self, scale=2):
        self.scale = scale
        self.x_shape = None
        self.y0 = None
        self.y1 = None
        self.x0 = None
        self.x1 = None
        self.ly = None
        self.lx = None

    def forward(self, x):
        N, C, H, W = x.shape
        s = self.scale
        src_y = np.maximum((np.arange(H * s) + 0.5) / s - 0.5, 0)
        src_x = np.maximum((np.arange(W * s) + 0.5) / s - 0.5, 0)
        y0 = np.floor(src_y).astype(int)
        x0 = np.floor(src_x).astype(int)
        y1 = np.minimum(y0 + 1, H - 1)
        x1 = np.minimum(x0 + 1, W - 1)
        ly = (src_y - y0).reshape(-1, 1)
        lx = src_x - x0

        top = x[:, :, y0, :][:, :, :, x0] * (1 - lx) + x[:, :, y0, :][:, :, :, x1] * lx
        bottom = x[:, :, y1, :][:, :, :, x0] * (1 - lx) + x[:, :, y1, :][:, :, :, x1] * lx
        out = top * (1 - ly) + bottom * ly

        self.x_shape = x.shape
        self.y0, self.y1, self.x0, self.x1 = y0, y1, x0, x1
        self.ly, self.lx = ly, lx
        return out.astype(x.dtype, copy=False)

    def backward(self, dout):
        rows0, rows1 = self.y0[:, np.newaxis], self.y1[:, np.newaxis]
        dx = np.zeros(self.x_shape, dtype=dout.dtype)
        np.add.at(dx, (slice(None), slice(None), rows0, self.x0), dout * (1 - self.ly) * (1 - self.lx))
        np.add.at(dx, (slice(None), slice(None), rows0, self.x1), dout * (1 - self.ly) * self.lx)
        np.add.at(dx, (slice(None), slice(None), rows1, self.x0), dout * self.ly * (1 - self.lx))
        np.add.at(dx, (slice(None), slice(None), rows1, self.x1), dout * self.ly * self.lx)
        return dx
