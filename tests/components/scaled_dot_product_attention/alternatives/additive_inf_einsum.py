"""SDPA with einsum, -inf added where masked (mask * -inf style via np.where), softmax written inline."""
import numpy as np


class ScaledDotProductAttention:
    def __init__(self):
        self.params, self.grads = [], []
        self.cache = None

    def forward(self, Q, K, V, mask=None):
        s = np.einsum('...qd,...kd->...qk', Q, K) / np.sqrt(Q.shape[-1])
        if mask is not None:
            s = np.where(mask, -np.inf, s)
        e = np.exp(s - s.max(axis=-1, keepdims=True))
        a = e / e.sum(axis=-1, keepdims=True)
        self.cache = (Q, K, V, a)
        return np.einsum('...qk,...kv->...qv', a, V)

    def backward(self, dout):
        Q, K, V, a = self.cache
        dV = np.einsum('...qk,...qv->...kv', a, dout)
        da = np.einsum('...qv,...kv->...qk', dout, V)
        ds = a * (da - (da * a).sum(axis=-1, keepdims=True)) / np.sqrt(Q.shape[-1])
        return np.einsum('...qk,...kd->...qd', ds, K), np.einsum('...qk,...qd->...kd', ds, Q), dV
