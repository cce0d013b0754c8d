"""RMSprop as PyTorch writes it: square_avg.mul_(alpha).addcmul_(g, g, value=1 - alpha); eps 1e-8 on the sqrt."""
import numpy as np


class RMSprop:
    def __init__(self, lr=0.01, decay_rate=0.99):
        self.lr = lr
        self.alpha = decay_rate
        self.square_avg = {}

    def update(self, params, grads):
        for key, p in params.items():
            g = grads[key]
            avg = self.square_avg.setdefault(key, np.zeros_like(p))
            avg *= self.alpha
            avg += (1 - self.alpha) * g * g
            p -= self.lr * g / (np.sqrt(avg) + 1e-8)
