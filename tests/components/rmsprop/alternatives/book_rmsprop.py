# Verbatim from ゼロから作るDeep Learning (oreilly-japan/deep-learning-from-scratch): common/optimizer.py (RMSprop).
# Copyright (c) 2016 Koki Saitoh, MIT License (tests/components/NOTICE-deep-learning-from-scratch.md).
# Test data only: the book's own code must pass this drill. examprep's reference is its own code.
"""The book's RMSprop: h decays in place."""
import numpy as np


class RMSprop:

    """RMSprop"""

    def __init__(self, lr=0.01, decay_rate = 0.99):
        self.lr = lr
        self.decay_rate = decay_rate
        self.h = None
        
    def update(self, params, grads):
        if self.h is None:
            self.h = {}
            for key, val in params.items():
                self.h[key] = np.zeros_like(val)
            
        for key in params.keys():
            self.h[key] *= self.decay_rate
            self.h[key] += (1 - self.decay_rate) * grads[key] * grads[key]
            params[key] -= self.lr * grads[key] / (np.sqrt(self.h[key]) + 1e-7)
