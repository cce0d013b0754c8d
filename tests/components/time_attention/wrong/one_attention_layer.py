# expect: values
"""One Attention layer reused for every step: backward sees only the last step's cache."""
import numpy as np
from reference.attention import Attention


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

        layer = Attention()
        for t in range(T):
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
