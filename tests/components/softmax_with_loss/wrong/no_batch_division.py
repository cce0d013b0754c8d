# expect: values
"""backward forgets to divide by the batch size."""
import numpy as np
from reference.functions import cross_entropy_error, softmax


class SoftmaxWithLoss:
    def __init__(self):
        self.loss = self.y = self.t = None

    def forward(self, x, t):
        self.t = t
        self.y = softmax(x)
        self.loss = cross_entropy_error(self.y, self.t)
        return self.loss

    def backward(self, dout=1):
        batch_size = self.t.shape[0]
        if self.t.size == self.y.size:
            return (self.y - self.t) * dout
        dx = self.y.copy()
        dx[np.arange(batch_size), self.t] -= 1
        return dx * dout
