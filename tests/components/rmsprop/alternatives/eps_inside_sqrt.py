"""RMSprop with the epsilon inside the square root, as TensorFlow/Keras write it: sqrt(h + eps)."""
import numpy as np


class RMSprop:
    def __init__(self, lr=0.01, decay_rate=0.99):
        self.lr = lr
        self.decay_rate = decay_rate
        self.h = {}

    def update(self, params, grads):
        for key, p in params.items():
            g = grads[key]
            h = self.h.get(key, np.zeros_like(p))
            h = self.decay_rate * h + (1 - self.decay_rate) * np.square(g)
            self.h[key] = h
            np.subtract(p, self.lr * g / np.sqrt(h + 1e-7), out=p)
