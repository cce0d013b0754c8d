"""Classic wrong answers of the transformer drills (reference/transformer.py), for their `mistakes:` entries."""
import numpy as np
from reference.functions import softmax


class ScaledDotProductAttentionNoSqrtDkScaling:
    """The scores are not divided by √d_k."""

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


class ScaledDotProductAttentionMaskAfterSoftmax:
    """The mask zeroes the weights after the softmax: the kept weights no longer add up to 1."""

    def __init__(self):
        self.params, self.grads = [], []
        self.cache = None
        self.attn = None

    def forward(self, Q, K, V, mask=None):
        d_k = Q.shape[-1]
        scores = np.matmul(Q, K.swapaxes(-1, -2)) / np.sqrt(d_k)
        attn = softmax(scores)
        if mask is not None:
            attn = np.where(mask, 0.0, attn)
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
        dscores = dscores / np.sqrt(d_k)
        dQ = np.matmul(dscores, K)
        dK = np.matmul(dscores.swapaxes(-1, -2), Q)
        return dQ, dK, dV
