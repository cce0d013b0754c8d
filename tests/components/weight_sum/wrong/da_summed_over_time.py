# expect: shape
"""da sums over the time axis (axis=1) instead of the hidden axis."""
import numpy as np


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
        da = np.sum(dar, axis=1)

        return dhs, da
