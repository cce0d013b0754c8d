"""One ordinary im2col convolution with a block-diagonal filter bank: zeros where a filter may not see a channel."""
import numpy as np
from reference.conv import im2col, col2im


class GroupedConvolution:
    def __init__(self, W, b, groups, stride=1, pad=0):
        self.W, self.b, self.groups, self.stride, self.pad = W, b, groups, stride, pad

    def _full(self, C):
        FN, Cg, FH, FW = self.W.shape
        Fg = FN // self.groups
        full = np.zeros((FN, C, FH, FW), dtype=self.W.dtype)
        for g in range(self.groups):
            full[g * Fg:(g + 1) * Fg, g * Cg:(g + 1) * Cg] = self.W[g * Fg:(g + 1) * Fg]
        return full

    def forward(self, x):
        N, C, H, W = x.shape
        full = self._full(C)
        FN, _, FH, FW = full.shape
        oh = (H + 2 * self.pad - FH) // self.stride + 1
        ow = (W + 2 * self.pad - FW) // self.stride + 1
        self.col = im2col(x, FH, FW, self.stride, self.pad)
        self.col_W = full.reshape(FN, -1).T
        self.shape = x.shape
        out = self.col @ self.col_W + self.b
        return out.reshape(N, oh, ow, -1).transpose(0, 3, 1, 2)

    def backward(self, dout):
        N, C, H, W = self.shape
        FN, Cg, FH, FW = self.W.shape
        Fg = FN // self.groups
        d = dout.transpose(0, 2, 3, 1).reshape(-1, FN)
        self.db = d.sum(axis=0)
        dfull = (self.col.T @ d).T.reshape(FN, C, FH, FW)
        self.dW = np.empty_like(self.W)
        for g in range(self.groups):
            self.dW[g * Fg:(g + 1) * Fg] = dfull[g * Fg:(g + 1) * Fg, g * Cg:(g + 1) * Cg]
        return col2im(d @ self.col_W.T, self.shape, FH, FW, self.stride, self.pad)
