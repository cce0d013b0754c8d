# expect: values
"""Zeros padded on the right: out[t] reads x[t .. t + (K-1)d], the future."""
import numpy as np


class CausalConv1d:
    """Dilated causal convolution over time.

    W: (K, C_in, C_out), b: (C_out,). x: (N, T, C_in) -> out: (N, T, C_out).
    The input is padded by (K - 1) * dilation zeros at the start; tap k reads
    x_pad[:, k*d : k*d + T], a (N, T, C_in) slice, and multiplies it by W[k].
    Receptive field of one layer: (K - 1) * d + 1 steps.
    """

    def __init__(self, W, b, dilation=1):
        self.W = W
        self.b = b
        self.dilation = dilation
        self.x_pad = None
        self.dW = None
        self.db = None

    def forward(self, x):
        K, C, C_out = self.W.shape
        N, T, C = x.shape
        d = self.dilation
        P = (K - 1) * d

        x_pad = np.pad(x, [(0, 0), (0, P), (0, 0)], 'constant')
        out = np.zeros((N, T, C_out), dtype=x.dtype) + self.b
        for k in range(K):
            out += np.dot(x_pad[:, k * d:k * d + T], self.W[k])

        self.x_pad = x_pad
        return out

    def backward(self, dout):
        K, C, C_out = self.W.shape
        N, T, _ = dout.shape
        d = self.dilation
        P = (K - 1) * d

        dx_pad = np.zeros_like(self.x_pad)
        self.dW = np.zeros_like(self.W)
        for k in range(K):
            tap = self.x_pad[:, k * d:k * d + T]
            dtap = dx_pad[:, k * d:k * d + T]
            self.dW[k] = np.tensordot(tap, dout, axes=([0, 1], [0, 1]))
            dtap += np.dot(dout, self.W[k].T)
        self.db = np.sum(dout, axis=(0, 1))

        dx = dx_pad[:, :T]
        return dx
