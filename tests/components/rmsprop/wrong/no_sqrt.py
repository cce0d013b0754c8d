# expect: values
"""Divides by h + 1e-7, not by its square root."""
import numpy as np


class RMSprop:
    """RMSprop: AdaGrad with h an exponential moving average (weight decay_rate) of
    the squared gradients instead of their sum, so old gradients are forgotten.

    The epsilon is added to sqrt(h), as in the book and in PyTorch (whose default
    epsilon is 1e-8 rather than 1e-7).
    """

    def __init__(self, lr=0.01, decay_rate=0.99):
        self.lr = lr
        self.decay_rate = decay_rate
        self.h = None

    def update(self, params, grads):
        if self.h is None:
            self.h = {}
            for key, val in params.items():
                self.h[key] = np.zeros_like(val)

        for key in params.keys():
            self.h[key] = self.decay_rate * self.h[key] + (1 - self.decay_rate) * grads[key] * grads[key]
            params[key] -= self.lr * grads[key] / (self.h[key] + 1e-7)
