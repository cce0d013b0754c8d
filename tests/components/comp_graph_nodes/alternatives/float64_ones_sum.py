"""Computes in float64 and multiplies by the ones matrix (Σ over the branches as a product)."""
import numpy as np


class MulLayer:
    def __init__(self):
        self.x = self.y = None

    def forward(self, x, y):
        self.x, self.y = np.asarray(x, np.float64), np.asarray(y, np.float64)
        return self.x * self.y

    def backward(self, dout):
        return np.asarray(dout, np.float64) * self.y, np.asarray(dout, np.float64) * self.x


class AddLayer:
    def forward(self, x, y):
        return x + y

    def backward(self, dout):
        return 1.0 * dout, 1.0 * dout


class Repeat:
    def __init__(self, N):
        self.N = N

    def forward(self, x):
        return np.ones((self.N, 1)) @ x

    def backward(self, dout):
        return np.ones((1, self.N)) @ dout
