"""AdaGrad with PyTorch's default eps = 1e-10 added to sqrt(h), state created lazily per key."""
import numpy as np


class AdaGrad:
    def __init__(self, lr=0.01):
        self.lr = lr
        self.sum_sq = {}

    def update(self, params, grads):
        for key, p in params.items():
            g = grads[key]
            s = self.sum_sq.setdefault(key, np.zeros_like(p))
            s += np.square(g)
            p -= self.lr * g / (np.sqrt(s) + 1e-10)
