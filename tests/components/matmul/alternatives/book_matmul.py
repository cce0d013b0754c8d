"""The book's MatMul (common/layers.py), verbatim."""
# From ゼロから作るDeep Learning ❷ (oreilly-japan/deep-learning-from-scratch-2, common/layers.py), MIT licence, (c) 2018 Koki Saitoh.
import numpy as np


class MatMul:
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
        self.grads[0][...] = dW
        return dx
