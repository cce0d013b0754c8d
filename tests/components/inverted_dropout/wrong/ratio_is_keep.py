# expect: keep_rate
"""Keeps a unit with probability dropout_ratio (the comparison the wrong way round)."""
import numpy as np


class InvertedDropout:
    def __init__(self, dropout_ratio=0.5):
        self.dropout_ratio = dropout_ratio

    def forward(self, x, train_flg=True):
        if train_flg:
            self.mask = (np.random.rand(*x.shape) < self.dropout_ratio) / (1.0 - self.dropout_ratio)
            return x * self.mask
        return x

    def backward(self, dout):
        return dout * self.mask
