"""A Generator's binomial draw of the kept units, divided by the keep probability."""
import numpy as np


class InvertedDropout:
    def __init__(self, dropout_ratio=0.5):
        self.p = dropout_ratio
        self.rng = np.random.default_rng()

    def forward(self, x, train_flg=True):
        if not train_flg:
            return x.copy()
        keep = 1.0 - self.p
        self.mask = self.rng.binomial(1, keep, size=x.shape) / keep
        return x * self.mask

    def backward(self, dout):
        return dout * self.mask
