"""Momentum in PyTorch's form: buffer b <- momentum * b + g, W <- W - lr * b (b = -v / lr of the book)."""
import numpy as np


class Momentum:
    def __init__(self, lr=0.01, momentum=0.9):
        self.lr = lr
        self.momentum = momentum
        self.buf = {}

    def update(self, params, grads):
        for key, p in params.items():
            g = grads[key]
            if key not in self.buf:
                self.buf[key] = g.copy()          # PyTorch's first step: b = g
            else:
                self.buf[key] = self.momentum * self.buf[key] + g
            p -= self.lr * self.buf[key]
