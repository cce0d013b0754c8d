"""One book-style im2col convolution per channel (C separate single-filter convolutions), concatenated."""
import numpy as np
from reference.conv import im2col, col2im


class DepthwiseConvolution:
    def __init__(self, W, b, stride=1, pad=0):
        self.W, self.b, self.stride, self.pad = W, b, stride, pad

    def forward(self, x):
        C, _, FH, FW = self.W.shape
        N, _, H, W = x.shape
        oh = (H + 2 * self.pad - FH) // self.stride + 1
        ow = (W + 2 * self.pad - FW) // self.stride + 1
        self.x, self.cols = x, []
        out = np.empty((N, C, oh, ow), dtype=x.dtype)
        for c in range(C):
            col = im2col(x[:, c:c + 1], FH, FW, self.stride, self.pad)        # (N*oh*ow, FH*FW)
            self.cols.append(col)
            out[:, c] = (col @ self.W[c].reshape(-1) + self.b[c]).reshape(N, oh, ow)
        return out

    def backward(self, dout):
        C, _, FH, FW = self.W.shape
        N, _, H, W = self.x.shape
        self.dW = np.zeros_like(self.W)
        self.db = dout.sum(axis=(0, 2, 3))
        dx = np.zeros_like(self.x)
        for c in range(C):
            d = dout[:, c].reshape(-1)
            self.dW[c] = (self.cols[c].T @ d).reshape(1, FH, FW)
            dx[:, c:c + 1] = col2im(np.outer(d, self.W[c].reshape(-1)), (N, 1, H, W), FH, FW, self.stride, self.pad)
        return dx
