"""Resampling layers: nearest and bilinear upsampling, and Lp pooling.

Images are (N, C, H, W). Upsampling enlarges H and W by an integer factor
`scale`; Lp pooling shrinks them as the book's Pooling does (im2col windows).
"""
import numpy as np

from reference.conv import im2col, col2im


class UpsampleNearest:
    """Nearest-neighbour upsampling: every pixel becomes a scale x scale block.

    x: (N, C, H, W) -> out: (N, C, H*scale, W*scale). backward sums each block's
    gradient back into its pixel.
    """

    def __init__(self, scale=2):
        self.scale = scale

    def forward(self, x):
        out = x.repeat(self.scale, axis=2).repeat(self.scale, axis=3)
        return out

    def backward(self, dout):
        N, C, H_out, W_out = dout.shape
        s = self.scale
        dx = dout.reshape(N, C, H_out // s, s, W_out // s, s).sum(axis=(3, 5))
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


class LpPooling:
    """Lp pooling: the Lp norm of each window, (sum |x|^p)^(1/p), via im2col.

    x: (N, C, H, W) -> out: (N, C, out_h, out_w). p = 1 is the sum of |x|,
    p = 2 the Euclidean norm, p -> infinity max |x|. A sum, not a mean (PyTorch's
    LPPool2d). backward: d out / d x = (|x| / out)^(p - 1) * sign(x).
    """

    def __init__(self, p, pool_h, pool_w, stride=1, pad=0):
        self.p = p
        self.pool_h = pool_h
        self.pool_w = pool_w
        self.stride = stride
        self.pad = pad
        self.x_shape = None
        self.col = None
        self.out = None

    def forward(self, x):
        N, C, H, W = x.shape
        out_h = (H + 2 * self.pad - self.pool_h) // self.stride + 1
        out_w = (W + 2 * self.pad - self.pool_w) // self.stride + 1

        col = im2col(x, self.pool_h, self.pool_w, self.stride, self.pad)
        col = col.reshape(-1, self.pool_h * self.pool_w)

        out = np.sum(np.abs(col) ** self.p, axis=1) ** (1 / self.p)

        self.x_shape = x.shape
        self.col = col
        self.out = out
        return out.reshape(N, out_h, out_w, -1).transpose(0, 3, 1, 2)

    def backward(self, dout):
        N, C, H, W = self.x_shape
        dout = dout.transpose(0, 2, 3, 1).reshape(-1, 1)

        ratio = np.abs(self.col) / self.out.reshape(-1, 1)
        dcol = dout * ratio ** (self.p - 1) * np.sign(self.col)
        dcol = dcol.reshape(-1, C * self.pool_h * self.pool_w)
        dx = col2im(dcol, self.x_shape, self.pool_h, self.pool_w, self.stride, self.pad)
        return dx
