"""Multi-head attention with its own head reshapes and np.tensordot for the weight gradients."""
import numpy as np
from reference.transformer import ScaledDotProductAttention


class MultiHeadAttention:
    def __init__(self, W_q, W_k, W_v, W_o, num_heads):
        self.params = [W_q, W_k, W_v, W_o]
        self.grads = [np.zeros_like(W) for W in self.params]
        self.h = num_heads
        self.attention = ScaledDotProductAttention()
        self.cache = None

    def _split(self, x):
        N, T, D = x.shape
        return x.reshape(N, T, self.h, -1).swapaxes(1, 2)

    def _merge(self, x):
        N, h, T, d = x.shape
        return x.swapaxes(1, 2).reshape(N, T, h * d)

    def forward(self, x_q, x_kv, mask=None):
        W_q, W_k, W_v, W_o = self.params
        heads = self.attention.forward(self._split(x_q @ W_q), self._split(x_kv @ W_k), self._split(x_kv @ W_v), mask)
        concat = self._merge(heads)
        self.cache = (x_q, x_kv, concat)
        return concat @ W_o

    def backward(self, dout):
        W_q, W_k, W_v, W_o = self.params
        x_q, x_kv, concat = self.cache
        axes = ([0, 1], [0, 1])
        self.grads[3][...] = np.tensordot(concat, dout, axes=axes)
        dQ, dK, dV = (self._merge(g) for g in self.attention.backward(self._split(dout @ W_o.T)))
        self.grads[0][...] = np.tensordot(x_q, dQ, axes=axes)
        self.grads[1][...] = np.tensordot(x_kv, dK, axes=axes)
        self.grads[2][...] = np.tensordot(x_kv, dV, axes=axes)
        return dQ @ W_q.T, dK @ W_k.T + dV @ W_v.T
