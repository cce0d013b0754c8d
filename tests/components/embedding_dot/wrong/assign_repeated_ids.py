# expect: values
"""dW[idx] = dout * h without the Embedding layer's np.add.at: repeated word ids lose rows."""
import numpy as np


class EmbeddingDot:
    def __init__(self, W):
        self.params = [W]
        self.grads = [np.zeros_like(W)]
        self.cache = None

    def forward(self, h, idx):
        W, = self.params
        target_W = W[idx]
        self.cache = (h, target_W, idx)
        return np.sum(target_W * h, axis=1)

    def backward(self, dout):
        h, target_W, idx = self.cache
        dout = dout.reshape(-1, 1)
        dW, = self.grads
        dW[...] = 0
        dW[idx] = dout * h
        return dout * target_W
