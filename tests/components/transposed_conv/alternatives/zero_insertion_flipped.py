"""Zeros inserted between the input pixels, padded by FH - 1 - P, then a stride-1 convolution with the flipped,
channel-swapped filters (the textbook picture); backward through the same construction with the book's im2col."""
import numpy as np
from reference.conv import im2col, col2im


class TransposedConvolution:
    def __init__(self, W, b, stride=1, pad=0):
        self.W, self.b, self.stride, self.pad = W, b, stride, pad

    def forward(self, x):
        C_in, C_out, FH, FW = self.W.shape
        N, _, H, W = x.shape
        s = self.stride
        up = np.zeros((N, C_in, (H - 1) * s + 1, (W - 1) * s + 1), dtype=x.dtype)
        up[:, :, ::s, ::s] = x
        ph, pw = FH - 1 - self.pad, FW - 1 - self.pad
        up = np.pad(up, ((0, 0), (0, 0), (ph, ph), (pw, pw)))
        K = self.W[:, :, ::-1, ::-1].transpose(1, 0, 2, 3)          # (C_out, C_in, FH, FW)
        oh, ow = up.shape[2] - FH + 1, up.shape[3] - FW + 1
        self.col = im2col(up, FH, FW, 1, 0)
        self.K, self.up_shape, self.x_shape = K, up.shape, x.shape
        out = self.col @ K.reshape(C_out, -1).T + self.b
        return out.reshape(N, oh, ow, C_out).transpose(0, 3, 1, 2)

    def backward(self, dout):
        C_in, C_out, FH, FW = self.W.shape
        s = self.stride
        d = dout.transpose(0, 2, 3, 1).reshape(-1, C_out)
        self.db = d.sum(axis=0)
        dK = (self.col.T @ d).T.reshape(C_out, C_in, FH, FW)
        self.dW = dK.transpose(1, 0, 2, 3)[:, :, ::-1, ::-1]
        dup = col2im(d @ self.K.reshape(C_out, -1), self.up_shape, FH, FW, 1, 0)
        ph, pw = FH - 1 - self.pad, FW - 1 - self.pad
        dup = dup[:, :, ph:dup.shape[2] - ph, pw:dup.shape[3] - pw]
        return dup[:, :, ::s, ::s]
