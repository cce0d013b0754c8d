# expect: inference_scale
"""Inverted in training, and the book's 1 - ratio at inference as well: inference is scaled twice."""
import numpy as np


class InvertedDropout:
    def __init__(self, dropout_ratio=0.5):
        self.dropout_ratio = dropout_ratio

    def forward(self, x, train_flg=True):
        if train_flg:
            self.mask = (np.random.rand(*x.shape) > self.dropout_ratio) / (1.0 - self.dropout_ratio)
            return x * self.mask
        return x * (1.0 - self.dropout_ratio)

    def backward(self, dout):
        return dout * self.mask
