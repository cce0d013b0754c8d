"""SoftmaxWithLoss using the given softmax and cross_entropy_error; the gradient built with a one-hot matrix."""
import numpy as np
from reference.functions import cross_entropy_error, softmax


class SoftmaxWithLoss:
    def __init__(self):
        self.loss = None
        self.y = None
        self.t = None

    def forward(self, x, t):
        self.y = softmax(x)
        self.t = t
        self.loss = cross_entropy_error(self.y, t)
        return self.loss

    def backward(self, dout=1):
        n, k = self.y.shape
        onehot = self.t if self.t.size == self.y.size else (np.arange(k) == self.t[:, None])
        return (self.y - onehot) * (dout / n)
