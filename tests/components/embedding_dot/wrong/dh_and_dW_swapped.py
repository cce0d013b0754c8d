# expect: values
"""dh = dout * h and dW from target_W: the two products are swapped."""
import numpy as np
from reference.embedding import Embedding


class EmbeddingDot:
    """Score of word idx for hidden vectors h: out[n] = W[idx[n]] · h[n].

    W: (V, H), h: (N, H), idx: (N,) -> out: (N,). backward(dout) returns dh: (N, H).
    """

    def __init__(self, W):
        self.embed = Embedding(W)
        self.params = self.embed.params
        self.grads = self.embed.grads
        self.cache = None

    def forward(self, h, idx):
        target_W = self.embed.forward(idx)
        out = np.sum(target_W * h, axis=1)

        self.cache = (h, target_W)
        return out

    def backward(self, dout):
        h, target_W = self.cache
        dout = dout.reshape(dout.shape[0], 1)

        dtarget_W = dout * target_W
        self.embed.backward(dtarget_W)
        dh = dout * h
        return dh
