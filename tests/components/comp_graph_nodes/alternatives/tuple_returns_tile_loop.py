"""Tuple returns without temporaries, copies for the addition, np.tile and a loop that adds the copies' gradients."""
import numpy as np


class MulLayer:
    def forward(self, x, y):
        self.saved = (x, y)
        return np.multiply(x, y)

    def backward(self, dout):
        x, y = self.saved
        return dout * y, x * dout


class AddLayer:
    def forward(self, x, y):
        return np.add(x, y)

    def backward(self, dout):
        return dout.copy(), dout.copy()


class Repeat:
    def __init__(self, N):
        self.N = N

    def forward(self, x):
        return np.tile(x, (self.N, 1))

    def backward(self, dout):
        dx = np.zeros_like(dout[:1])
        for n in range(dout.shape[0]):
            dx += dout[n]
        return dx
