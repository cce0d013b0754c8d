"""Nodes of a computational graph: multiplication, addition and a branch (repeat).

MulLayer and AddLayer are ゼロから作るDeep Learning ① chapter 5 (ch05/layer_naive.py) in the book's form: the
backward pass of a node multiplies the upstream gradient by the node's local derivative (the chain rule). Repeat is
❷ chapter 1.3.4's repeat node: where one value branches into N copies, the gradients of the copies are summed.
"""
import numpy as np


class MulLayer:
    """z = x * y (element-wise). x, y: arrays of the same shape (or scalars)."""

    def __init__(self):
        self.x = None
        self.y = None

    def forward(self, x, y):
        self.x = x
        self.y = y
        out = x * y
        return out

    def backward(self, dout):
        """dout: shaped like z. Returns (dx, dy), the gradients of x and y."""
        dx = dout * self.y
        dy = dout * self.x
        return dx, dy


class AddLayer:
    """z = x + y. x, y: arrays of the same shape (or scalars)."""

    def __init__(self):
        pass

    def forward(self, x, y):
        out = x + y
        return out

    def backward(self, dout):
        """dout: shaped like z. Returns (dx, dy), the gradients of x and y."""
        dx = dout * 1
        dy = dout * 1
        return dx, dy


class Repeat:
    """A branch: x (1, D) copied into N rows, y (N, D). Each copy sends a gradient back: they are summed."""

    def __init__(self, N):
        self.N = N

    def forward(self, x):
        """x: (1, D). Returns (N, D)."""
        y = np.repeat(x, self.N, axis=0)
        return y

    def backward(self, dout):
        """dout: (N, D), the gradients of the N copies. Returns dx: (1, D)."""
        dx = np.sum(dout, axis=0, keepdims=True)
        return dx
