"""Nesterov momentum in PyTorch's SGD(nesterov=True) form: b <- m b + g; W <- W - lr (g + m b)."""
import numpy as np


class Nesterov:
    def __init__(self, lr=0.01, momentum=0.9):
        self.lr = lr
        self.momentum = momentum
        self.b = None

    def update(self, params, grads):
        if self.b is None:
            self.b = {key: np.zeros_like(val) for key, val in params.items()}
        for key in params:
            g = grads[key]
            self.b[key] = self.momentum * self.b[key] + g
            params[key] -= self.lr * (g + self.momentum * self.b[key])
