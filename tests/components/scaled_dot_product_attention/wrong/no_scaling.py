# expect: mistake
"""The scores are not divided by √d_k."""
import numpy as np
from reference.functions import softmax


class ScaledDotProductAttention:
    """softmax(Q·Kᵀ / √d_k, with the masked scores set to -1e9)·V over the last two axes.

    Q: (..., T_q, d_k), K: (..., T_k, d_k), V: (..., T_k, d_v), mask: bool, True where a query may not attend,
    broadcast to (..., T_q, T_k)
    -> out: (..., T_q, d_v); the weights are kept in self.attn. backward(dout) returns (dQ, dK, dV).
    """

    def __init__(self):
        self.params, self.grads = [], []
        self.cache = None
        self.attn = None

    def forward(self, Q, K, V, mask=None):
        d_k = Q.shape[-1]
        scores = np.matmul(Q, K.swapaxes(-1, -2))
        if mask is not None:
            scores = np.where(mask, -1e9, scores)
        attn = softmax(scores)
        out = np.matmul(attn, V)

        self.attn = attn
        self.cache = (Q, K, V)
        return out

    def backward(self, dout):
        Q, K, V = self.cache
        attn = self.attn
        d_k = K.shape[-1]

        dV = np.matmul(attn.swapaxes(-1, -2), dout)
        dattn = np.matmul(dout, V.swapaxes(-1, -2))
        dscores = attn * (dattn - np.sum(dattn * attn, axis=-1, keepdims=True))
        dQ = np.matmul(dscores, K)
        dK = np.matmul(dscores.swapaxes(-1, -2), Q)
        return dQ, dK, dV
