# expect: values
"""backward zeroes where dout <= 0 instead of where the forward input was."""
import numpy as np


class Relu:
    """ReLU layer. x, dout: any shape (the same shape).

    forward keeps a mask, True where x <= 0, and zeroes the output there;
    backward zeroes dout through the same mask, in place, as the book does (a
    network never uses dout again), and returns it.
    """

    def __init__(self):
        self.mask = None

    def forward(self, x):
        self.mask = (x <= 0)
        out = x.copy()
        out[self.mask] = 0
        return out

    def backward(self, dout):
        dout[dout <= 0] = 0
        dx = dout
        return dx
