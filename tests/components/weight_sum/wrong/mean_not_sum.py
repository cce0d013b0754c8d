# expect: values
"""The context vector is the mean over t of a * hs (np.mean instead of np.sum)."""
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
        c = np.mean(t, axis=1)

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
