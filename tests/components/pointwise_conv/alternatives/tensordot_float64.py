"""np.tensordot and moveaxis, computed in float64 (a float32 input passes with a note on its cost)."""
import numpy as np


class PointwiseConvolution:
    def __init__(self, W, b):
        self.W = W
        self.b = b

    def forward(self, x):
        self.x = x.astype(np.float64)
        y = np.tensordot(self.x, self.W.astype(np.float64), axes=([1], [1]))   # (N, H, W, C_out)
        return np.moveaxis(y + self.b, 3, 1)

    def backward(self, dout):
        d = np.moveaxis(dout.astype(np.float64), 1, 3)                         # (N, H, W, C_out)
        self.dW = np.tensordot(d, self.x, axes=([0, 1, 2], [0, 2, 3]))
        self.db = d.sum(axis=(0, 1, 2))
        return np.moveaxis(d @ self.W, 3, 1)
