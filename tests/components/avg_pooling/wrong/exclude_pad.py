# expect: convention
"""Average over the real pixels of each window only (PyTorch's count_include_pad=False), written with loops."""
import numpy as np


class AvgPooling:
    def __init__(self, pool_h, pool_w, stride=2, pad=0):
        self.pool_h, self.pool_w, self.stride, self.pad = pool_h, pool_w, stride, pad
        self.x = None

    def _windows(self, H, W):
        """(i, j, rows, cols): each output position and the slices of its window inside the unpadded image."""
        out_h = (H + 2 * self.pad - self.pool_h) // self.stride + 1
        out_w = (W + 2 * self.pad - self.pool_w) // self.stride + 1
        for i in range(out_h):
            top = i * self.stride - self.pad
            for j in range(out_w):
                left = j * self.stride - self.pad
                yield (i, j, slice(max(top, 0), min(top + self.pool_h, H)),
                       slice(max(left, 0), min(left + self.pool_w, W)))

    def forward(self, x):
        N, C, H, W = x.shape
        self.x = x
        out_h = (H + 2 * self.pad - self.pool_h) // self.stride + 1
        out_w = (W + 2 * self.pad - self.pool_w) // self.stride + 1
        out = np.zeros((N, C, out_h, out_w), dtype=x.dtype)
        for i, j, rows, cols in self._windows(H, W):
            out[:, :, i, j] = x[:, :, rows, cols].mean(axis=(2, 3))
        return out

    def backward(self, dout):
        N, C, H, W = self.x.shape
        dx = np.zeros_like(self.x)
        for i, j, rows, cols in self._windows(H, W):
            count = (rows.stop - rows.start) * (cols.stop - cols.start)
            dx[:, :, rows, cols] += dout[:, :, i, j][:, :, None, None] / count
        return dx
