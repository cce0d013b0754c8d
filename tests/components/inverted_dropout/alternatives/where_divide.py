"""np.where on a uniform draw, dividing the kept values; boolean mask kept, scale applied in backward."""
import numpy as np


class InvertedDropout:
    def __init__(self, dropout_ratio=0.5):
        self.dropout_ratio = dropout_ratio

    def forward(self, x, train_flg=True):
        if train_flg:
            self.keep = np.random.uniform(size=x.shape) >= self.dropout_ratio
            return np.where(self.keep, x / (1 - self.dropout_ratio), 0.0)
        return x

    def backward(self, dout):
        return np.where(self.keep, dout / (1 - self.dropout_ratio), 0.0)
