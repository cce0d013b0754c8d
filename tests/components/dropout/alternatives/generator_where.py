"""Dropout with a numpy Generator and np.where; book scaling (x (1 - ratio) at inference)."""
import numpy as np


class Dropout:
    def __init__(self, dropout_ratio=0.5):
        self.dropout_ratio = dropout_ratio
        self.rng = np.random.default_rng()
        self.keep = None

    def forward(self, x, train_flg=True):
        if train_flg:
            self.keep = self.rng.random(x.shape) < 1 - self.dropout_ratio
            return np.where(self.keep, x, 0).astype(x.dtype)
        return (x * (1 - self.dropout_ratio)).astype(x.dtype)

    def backward(self, dout):
        return np.where(self.keep, dout, 0)
