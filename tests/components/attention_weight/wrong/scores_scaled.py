# expect: values
"""Scores scaled by √H as in the Transformer's scaled dot-product attention; the book's AttentionWeight does not scale."""
import numpy as np
from reference.attention import Softmax
from reference.functions import softmax


class AttentionWeight:
    """Attention weights a = softmax_t(hs[n, t] · h[n]). hs: (N, T, H), h: (N, H) -> a: (N, T).

    backward(da) returns (dhs, dh).
    """

    def __init__(self):
        self.params, self.grads = [], []
        self.softmax = Softmax()
        self.cache = None

    def forward(self, hs, h):
        N, T, H = hs.shape

        hr = h.reshape(N, 1, H)
        t = hs * hr
        s = np.sum(t, axis=2) / np.sqrt(H)
        a = self.softmax.forward(s)

        self.cache = (hs, hr)
        return a

    def backward(self, da):
        hs, hr = self.cache
        N, T, H = hs.shape

        ds = self.softmax.backward(da)
        dt = ds.reshape(N, T, 1).repeat(H, axis=2)
        dhs = dt * hr
        dhr = dt * hs
        dh = np.sum(dhr, axis=1)

        return dhs, dh
