"""Attention for seq2seq as in ゼロから作るDeep Learning ❷ (ch08/attention_layer.py, chapter 8).

The decoder's hidden state h: (N, H) scores every encoder state hs: (N, T, H) by a dot product,
softmax turns the scores into weights a: (N, T), and the context vector is the weighted sum of hs.
The layers have no parameters (`params`, `grads` are empty lists).
"""
import numpy as np

from reference.functions import softmax


class Softmax:
    """Softmax layer over the last axis. x: (N, T) -> out: (N, T); backward: dx = y·(dout − Σ dout·y)."""

    def __init__(self):
        self.params, self.grads = [], []
        self.out = None

    def forward(self, x):
        self.out = softmax(x)
        return self.out

    def backward(self, dout):
        dx = self.out * dout
        sumdx = np.sum(dx, axis=-1, keepdims=True)
        dx -= self.out * sumdx
        return dx


class WeightSum:
    """Context vector c[n] = Σ_t a[n, t]·hs[n, t]. hs: (N, T, H), a: (N, T) -> c: (N, H).

    backward(dc) returns (dhs, da): the sum over T in forward becomes a repeat over T in backward.
    """

    def __init__(self):
        self.params, self.grads = [], []
        self.cache = None

    def forward(self, hs, a):
        N, T, H = hs.shape

        ar = a.reshape(N, T, 1)
        t = hs * ar
        c = np.sum(t, axis=1)

        self.cache = (hs, ar)
        return c

    def backward(self, dc):
        hs, ar = self.cache
        N, T, H = hs.shape
        dt = dc.reshape(N, 1, H).repeat(T, axis=1)
        dar = dt * hs
        dhs = dt * ar
        da = np.sum(dar, axis=2)

        return dhs, da


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
        s = np.sum(t, axis=2)
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


class Attention:
    """AttentionWeight then WeightSum. hs: (N, T, H), h: (N, H) -> context c: (N, H).

    hs reaches the output twice (in the weights and in the sum), so backward adds both gradients:
    backward(dc) returns (dhs, dh). The last weights are kept in self.attention_weight.
    """

    def __init__(self):
        self.params, self.grads = [], []
        self.attention_weight_layer = AttentionWeight()
        self.weight_sum_layer = WeightSum()
        self.attention_weight = None

    def forward(self, hs, h):
        a = self.attention_weight_layer.forward(hs, h)
        out = self.weight_sum_layer.forward(hs, a)
        self.attention_weight = a
        return out

    def backward(self, dout):
        dhs0, da = self.weight_sum_layer.backward(dout)
        dhs1, dh = self.attention_weight_layer.backward(da)
        dhs = dhs0 + dhs1
        return dhs, dh


class TimeAttention:
    """Attention at every decoder step. hs_enc: (N, T_enc, H), hs_dec: (N, T_dec, H) -> (N, T_dec, H).

    Every step reads all of hs_enc, so backward sums the steps' dhs: returns (dhs_enc, dhs_dec).
    """

    def __init__(self):
        self.params, self.grads = [], []
        self.layers = None
        self.attention_weights = None

    def forward(self, hs_enc, hs_dec):
        N, T, H = hs_dec.shape
        out = np.empty_like(hs_dec)
        self.layers = []
        self.attention_weights = []

        for t in range(T):
            layer = Attention()
            out[:, t, :] = layer.forward(hs_enc, hs_dec[:, t, :])
            self.layers.append(layer)
            self.attention_weights.append(layer.attention_weight)

        return out

    def backward(self, dout):
        N, T, H = dout.shape
        dhs_enc = 0
        dhs_dec = np.empty_like(dout)

        for t in range(T):
            layer = self.layers[t]
            dhs, dh = layer.backward(dout[:, t, :])
            dhs_enc += dhs
            dhs_dec[:, t, :] = dh

        return dhs_enc, dhs_dec
