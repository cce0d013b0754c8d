# expect: grads_rebound
"""self.grads[0] = grad rebinds the list's array instead of writing into it."""
import numpy as np
from reference.embedding import Embedding


class TimeEmbedding:
    """W[xs] at every step. W: (V, D), xs: (N, T) word ids -> out: (N, T, D) (float32, as in the book).

    backward(dout: (N, T, D)) sums every step's gradient of W into grads[0] and returns None.
    """

    def __init__(self, W):
        self.params = [W]
        self.grads = [np.zeros_like(W)]
        self.layers = None
        self.W = W

    def forward(self, xs):
        N, T = xs.shape
        V, D = self.W.shape

        out = np.empty((N, T, D), dtype='f')
        self.layers = []

        for t in range(T):
            layer = Embedding(self.W)
            out[:, t, :] = layer.forward(xs[:, t])
            self.layers.append(layer)

        return out

    def backward(self, dout):
        N, T, D = dout.shape

        grad = 0
        for t in range(T):
            layer = self.layers[t]
            layer.backward(dout[:, t, :])
            grad += layer.grads[0]

        self.grads[0] = grad
        return None
