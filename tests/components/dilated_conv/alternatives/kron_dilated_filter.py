"""The dilated filter built with np.kron of a one-hot d x d block, then the book's im2col convolution in float64."""
import numpy as np
from reference.conv import im2col, col2im


class DilatedConvolution:
    def __init__(self, W, b, stride=1, pad=0, dilation=1):
        self.W, self.b, self.stride, self.pad, self.dilation = W, b, stride, pad, dilation

    def forward(self, x):
        FN, C, FH, FW = self.W.shape
        d = self.dilation
        one = np.zeros((1, 1, d, d))
        one[0, 0, 0, 0] = 1.0
        Wd = np.kron(self.W.astype(np.float64), one)[:, :, :d * (FH - 1) + 1, :d * (FW - 1) + 1]
        self.kh, self.kw = Wd.shape[2:]
        N, _, H, W = x.shape
        oh = (H + 2 * self.pad - self.kh) // self.stride + 1
        ow = (W + 2 * self.pad - self.kw) // self.stride + 1
        self.col = im2col(x.astype(np.float64), self.kh, self.kw, self.stride, self.pad)
        self.colW = Wd.reshape(FN, -1).T
        self.shape = x.shape
        return (self.col @ self.colW + self.b).reshape(N, oh, ow, FN).transpose(0, 3, 1, 2)

    def backward(self, dout):
        FN, C, FH, FW = self.W.shape
        d = self.dilation
        g = dout.transpose(0, 2, 3, 1).reshape(-1, FN)
        self.db = g.sum(axis=0)
        self.dW = (self.col.T @ g).T.reshape(FN, C, self.kh, self.kw)[:, :, ::d, ::d]
        return col2im(g @ self.colW.T, self.shape, self.kh, self.kw, self.stride, self.pad)
