# expect: mistake
"""dW[idx] = dout: a word id that occurs twice keeps only one of its rows."""
import numpy as np


class Embedding:
    """Row lookup out = W[idx]. W: (V, D), idx: (N,) word ids -> out: (N, D).

    backward(dout) adds each row of dout into the row of dW its word id selected; an id that occurs
    twice receives the sum of both rows (np.add.at, not dW[idx] = dout). It returns None.
    """

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
        dW[self.idx] = dout
        return None
