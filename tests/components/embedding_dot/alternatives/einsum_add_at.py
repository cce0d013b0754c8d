"""EmbeddingDot without an inner Embedding layer: einsum for the dot products, np.add.at for dW."""
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
        return np.einsum('nh,nh->n', target_W, h)

    def backward(self, dout):
        h, target_W, idx = self.cache
        dW, = self.grads
        dW[...] = 0
        np.add.at(dW, idx, dout[:, None] * h)
        return dout[:, None] * target_W
