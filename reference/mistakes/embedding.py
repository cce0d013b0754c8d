"""Classic wrong answers of the embedding drills (reference/embedding.py), for their `mistakes:` entries."""
import numpy as np


class EmbeddingRepeatedIdsAddedOnce:
    """dW[idx] += dout: buffered fancy indexing adds a repeated id's rows only once."""

    def __init__(self, W):
        self.params = [W]
        self.grads = [np.zeros_like(W)]
        self.idx = None

    def forward(self, idx):
        W, = self.params
        self.idx = idx
        out = W[idx]
        return out

    def backward(self, dout):
        dW, = self.grads
        dW[...] = 0
        dW[self.idx] += dout
        return None
