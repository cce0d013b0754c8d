"""Nesterov (Sutskever / CS231n form) written as: v_prev = v; v = m v - lr g; W += -m v_prev + (1 + m) v,
expanded to W += m * m * v_prev - (1 + m) * lr * g."""
import numpy as np


class Nesterov:
    def __init__(self, lr=0.01, momentum=0.9):
        self.lr = lr
        self.momentum = momentum
        self.v = {}

    def update(self, params, grads):
        m, lr = self.momentum, self.lr
        for key, p in params.items():
            v_prev = self.v.get(key, np.zeros_like(p))
            self.v[key] = m * v_prev - lr * grads[key]
            p += m * m * v_prev - (1 + m) * lr * grads[key]
