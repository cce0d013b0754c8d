"""Loops over the taps: tap (ky, kx) reads the padded input at offset (ky*d, kx*d) with the stride; no zero-filled filter."""
import numpy as np


class DilatedConvolution:
    def __init__(self, W, b, stride=1, pad=0, dilation=1):
        self.W, self.b, self.stride, self.pad, self.dilation = W, b, stride, pad, dilation

    def forward(self, x):
        FN, C, FH, FW = self.W.shape
        N, _, H, W = x.shape
        s, p, d = self.stride, self.pad, self.dilation
        oh = (H + 2 * p - d * (FH - 1) - 1) // s + 1
        ow = (W + 2 * p - d * (FW - 1) - 1) // s + 1
        xp = np.pad(x, ((0, 0), (0, 0), (p, p), (p, p)))
        out = np.zeros((N, FN, oh, ow), dtype=x.dtype)
        for ky in range(FH):
            for kx in range(FW):
                sl = xp[:, :, ky * d:ky * d + s * (oh - 1) + 1:s, kx * d:kx * d + s * (ow - 1) + 1:s]
                out += np.einsum('ncij,fc->nfij', sl, self.W[:, :, ky, kx])
        self.xp, self.shape = xp, x.shape
        return out + self.b.reshape(1, -1, 1, 1)

    def backward(self, dout):
        FN, C, FH, FW = self.W.shape
        N, _, H, W = self.shape
        s, p, d = self.stride, self.pad, self.dilation
        oh, ow = dout.shape[2:]
        dxp = np.zeros_like(self.xp)
        self.dW = np.zeros_like(self.W)
        for ky in range(FH):
            for kx in range(FW):
                r = slice(ky * d, ky * d + s * (oh - 1) + 1, s)
                c = slice(kx * d, kx * d + s * (ow - 1) + 1, s)
                self.dW[:, :, ky, kx] = np.einsum('nfij,ncij->fc', dout, self.xp[:, :, r, c])
                dxp[:, :, r, c] += np.einsum('nfij,fc->ncij', dout, self.W[:, :, ky, kx])
        self.db = dout.sum(axis=(0, 2, 3))
        return dxp[:, :, p:p + H, p:p + W]
