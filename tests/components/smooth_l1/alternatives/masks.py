"""Boolean masks instead of np.where; the gradient clipped: clip(d / beta, -1, 1)."""
import numpy as np


class SmoothL1Loss:
    def __init__(self, beta=1.0):
        self.beta = beta

    def forward(self, x, t):
        d = x - t
        self.d = d
        small = np.abs(d) < self.beta
        loss = np.empty_like(d)
        loss[small] = 0.5 * d[small] ** 2 / self.beta
        loss[~small] = np.abs(d[~small]) - 0.5 * self.beta
        return loss.sum() / d.size

    def backward(self, dout=1):
        return dout * np.clip(self.d / self.beta, -1.0, 1.0) / self.d.size
