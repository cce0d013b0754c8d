# expect: exception
"""db2 sums over the batch axis only, leaving a (T, D) array."""
import numpy as np
from reference.transformer import gelu


class PositionwiseFFN:
    """The same two-layer network at every position: gelu(x·W1 + b1)·W2 + b2.

    W1: (D, D_ff), b1: (D_ff,), W2: (D_ff, D), b2: (D,); x: (N, T, D) -> (N, T, D). backward returns dx.
    """

    def __init__(self, W1, b1, W2, b2):
        self.params = [W1, b1, W2, b2]
        self.grads = [np.zeros_like(W1), np.zeros_like(b1), np.zeros_like(W2), np.zeros_like(b2)]
        self.cache = None

    def forward(self, x):
        W1, b1, W2, b2 = self.params
        u = np.dot(x, W1) + b1
        a = gelu(u)
        out = np.dot(a, W2) + b2
        self.cache = (x, u, a)
        return out

    def backward(self, dout):
        W1, b1, W2, b2 = self.params
        x, u, a = self.cache
        D, D_ff = W1.shape

        dW2 = np.dot(a.reshape(-1, D_ff).T, dout.reshape(-1, D))
        db2 = dout.sum(axis=0)
        da = np.dot(dout, W2.T)

        c = np.sqrt(2 / np.pi)
        th = np.tanh(c * (u + 0.044715 * u ** 3))
        du = da * (0.5 * (1 + th) + 0.5 * u * (1 - th ** 2) * c * (1 + 3 * 0.044715 * u ** 2))

        dW1 = np.dot(x.reshape(-1, D).T, du.reshape(-1, D_ff))
        db1 = du.reshape(-1, D_ff).sum(axis=0)
        dx = np.dot(du, W1.T)

        self.grads[0][...] = dW1
        self.grads[1][...] = db1
        self.grads[2][...] = dW2
        self.grads[3][...] = db2
        return dx
