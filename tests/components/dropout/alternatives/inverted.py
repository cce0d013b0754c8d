"""Inverted dropout (PyTorch's convention): scale the kept units by 1 / (1 - ratio) in training, identity at inference."""
import numpy as np


class Dropout:
    def __init__(self, dropout_ratio=0.5):
        self.dropout_ratio = dropout_ratio
        self.mask = None

    def forward(self, x, train_flg=True):
        if not train_flg:
            return x
        keep = 1.0 - self.dropout_ratio
        self.mask = (np.random.rand(*x.shape) >= self.dropout_ratio) / keep
        return x * self.mask.astype(x.dtype)

    def backward(self, dout):
        return dout * self.mask.astype(dout.dtype)
