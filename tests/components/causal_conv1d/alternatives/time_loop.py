"""A loop over output steps: out[:, t] = Σ_k x[:, t - (K-1-k) d] W[k], taps before the start skipped (no padding)."""
import numpy as np


class CausalConv1d:
    def __init__(self, W, b, dilation=1):
        self.W, self.b, self.dilation = W, b, dilation

    def forward(self, x):
        K = self.W.shape[0]
        N, T, _ = x.shape
        self.x = x
        out = np.tile(self.b.astype(np.float64), (N, T, 1))
        for t in range(T):
            for k in range(K):
                src = t - (K - 1 - k) * self.dilation
                if src >= 0:
                    out[:, t] += x[:, src] @ self.W[k]
        return out

    def backward(self, dout):
        K = self.W.shape[0]
        N, T, _ = dout.shape
        dx = np.zeros(self.x.shape)
        self.dW = np.zeros(self.W.shape)
        for t in range(T):
            for k in range(K):
                src = t - (K - 1 - k) * self.dilation
                if src >= 0:
                    dx[:, src] += dout[:, t] @ self.W[k].T
                    self.dW[k] += self.x[:, src].T @ dout[:, t]
        self.db = dout.sum(axis=(0, 1))
        return dx
