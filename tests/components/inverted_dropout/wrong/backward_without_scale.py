# expect: backward_mask
"""Backward applies the 0/1 mask but forgets the scale."""
import numpy as np


class InvertedDropout:
    def __init__(self, dropout_ratio=0.5):
        self.dropout_ratio = dropout_ratio

    def forward(self, x, train_flg=True):
        if train_flg:
            self.flg = np.random.rand(*x.shape) > self.dropout_ratio
            return x * self.flg / (1.0 - self.dropout_ratio)
        return x

    def backward(self, dout):
        return dout * self.flg
