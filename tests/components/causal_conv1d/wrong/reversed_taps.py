# expect: convention
"""W[0] on the current step: the flipped (true) convolution order."""
import numpy as np


class CausalConv1d:
    """out[t] = sum_k x[t - k*d] @ W[k]: W[0] weights the current step (a true, flipped convolution), where PyTorch's
    conv1d (the drill) puts W[K - 1] on the current step. Same constructor as CausalConv1d."""

    def __init__(self, W, b, dilation=1):
        self.W, self.b, self.dilation = W, b, dilation

    def forward(self, x):
        K = self.W.shape[0]
        P = (K - 1) * self.dilation
        T = x.shape[1]
        self.x_pad = np.pad(x, [(0, 0), (P, 0), (0, 0)])
        out = np.zeros(x.shape[:2] + (self.W.shape[2],)) + self.b
        for k in range(K):
            out += self.x_pad[:, P - k * self.dilation:P - k * self.dilation + T] @ self.W[k]
        return out

    def backward(self, dout):
        K = self.W.shape[0]
        P = (K - 1) * self.dilation
        T = dout.shape[1]
        dx_pad = np.zeros_like(self.x_pad)
        self.dW = np.zeros_like(self.W)
        for k in range(K):
            s = slice(P - k * self.dilation, P - k * self.dilation + T)
            self.dW[k] = np.tensordot(self.x_pad[:, s], dout, axes=([0, 1], [0, 1]))
            dx_pad[:, s] += dout @ self.W[k].T
        self.db = dout.sum(axis=(0, 1))
        return dx_pad[:, P:]
