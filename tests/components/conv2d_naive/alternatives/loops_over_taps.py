"""Loops over the filter's taps (ky, kx) instead of the output positions: strided slices of the padded input."""
import numpy as np


class NaiveConvolution:
    def __init__(self, W, b, stride=1, pad=0):
        self.W = W
        self.b = b
        self.stride = stride
        self.pad = pad

    def forward(self, x):
        FN, C, FH, FW = self.W.shape
        N, C, H, W = x.shape
        s = self.stride
        oh = (H + 2 * self.pad - FH) // s + 1
        ow = (W + 2 * self.pad - FW) // s + 1
        xp = np.pad(x, ((0, 0), (0, 0), (self.pad, self.pad), (self.pad, self.pad)))
        out = np.zeros((N, FN, oh, ow), dtype=x.dtype)
        for ky in range(FH):
            for kx in range(FW):
                patch = xp[:, :, ky:ky + s * (oh - 1) + 1:s, kx:kx + s * (ow - 1) + 1:s]   # (N, C, oh, ow)
                out += np.einsum('ncij,fc->nfij', patch, self.W[:, :, ky, kx])
        self.xp = xp
        self.in_shape = x.shape
        return out + self.b.reshape(1, -1, 1, 1)

    def backward(self, dout):
        FN, C, FH, FW = self.W.shape
        N, C, H, W = self.in_shape
        s = self.stride
        oh, ow = dout.shape[2:]
        dxp = np.zeros_like(self.xp)
        self.dW = np.zeros_like(self.W)
        for ky in range(FH):
            for kx in range(FW):
                rows = slice(ky, ky + s * (oh - 1) + 1, s)
                cols = slice(kx, kx + s * (ow - 1) + 1, s)
                self.dW[:, :, ky, kx] = np.einsum('nfij,ncij->fc', dout, self.xp[:, :, rows, cols])
                dxp[:, :, rows, cols] += np.einsum('nfij,fc->ncij', dout, self.W[:, :, ky, kx])
        self.db = dout.sum(axis=(0, 2, 3))
        return dxp[:, :, self.pad:self.pad + H, self.pad:self.pad + W]
