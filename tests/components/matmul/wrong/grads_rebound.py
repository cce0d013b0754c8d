# expect: grads_rebound
"""self.grads[0] = dW rebinds the array an optimizer holds."""
import numpy as np


class MatMul:
    """out = x·W without a bias. W: (D, H). x: (N, D) -> out: (N, H); backward returns dx: (N, D)."""

    def __init__(self, W):
        self.params = [W]
        self.grads = [np.zeros_like(W)]
        self.x = None

    def forward(self, x):
        W, = self.params
        out = np.dot(x, W)
        self.x = x
        return out

    def backward(self, dout):
        W, = self.params
        dx = np.dot(dout, W.T)
        dW = np.dot(self.x.T, dout)
        self.grads[0] = dW
        return dx
