"""Nearest by broadcasting into a (N, C, H, s, W, s) view; bilinear with explicit loops over output pixels."""
import numpy as np


class UpsampleNearest:
    def __init__(self, scale=2):
        self.scale = scale

    def forward(self, x):
        N, C, H, W = x.shape
        s = self.scale
        return np.broadcast_to(x[:, :, :, None, :, None], (N, C, H, s, W, s)).reshape(N, C, H * s, W * s).copy()

    def backward(self, dout):
        N, C, Ho, Wo = dout.shape
        s = self.scale
        dx = np.zeros((N, C, Ho // s, Wo // s), dtype=dout.dtype)
        for a in range(s):
            for b in range(s):
                dx += dout[:, :, a::s, b::s]
        return dx


class UpsampleBilinear:
    def __init__(self, scale=2):
        self.scale = scale

    def _taps(self, size):
        taps = []
        for i in range(size * self.scale):
            src = max((i + 0.5) / self.scale - 0.5, 0.0)
            lo = int(np.floor(src))
            taps.append((lo, min(lo + 1, size - 1), src - lo))
        return taps

    def forward(self, x):
        N, C, H, W = x.shape
        self.shape = x.shape
        self.ty, self.tx = self._taps(H), self._taps(W)
        out = np.zeros((N, C, len(self.ty), len(self.tx)), dtype=x.dtype)
        for i, (a, b, u) in enumerate(self.ty):
            for j, (c, d, v) in enumerate(self.tx):
                out[:, :, i, j] = ((1 - u) * ((1 - v) * x[:, :, a, c] + v * x[:, :, a, d])
                                   + u * ((1 - v) * x[:, :, b, c] + v * x[:, :, b, d]))
        return out

    def backward(self, dout):
        dx = np.zeros(self.shape, dtype=dout.dtype)
        for i, (a, b, u) in enumerate(self.ty):
            for j, (c, d, v) in enumerate(self.tx):
                g = dout[:, :, i, j]
                dx[:, :, a, c] += (1 - u) * (1 - v) * g
                dx[:, :, a, d] += (1 - u) * v * g
                dx[:, :, b, c] += u * (1 - v) * g
                dx[:, :, b, d] += u * v * g
        return dx
