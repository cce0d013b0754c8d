"""Each tap as a time shift of the whole sequence (zeros shifted in from the past) and one einsum."""
import numpy as np


def _shift(x, s):
    """x delayed by s steps along axis 1: y[:, t] = x[:, t - s], zeros for t < s."""
    y = np.zeros_like(x)
    if s < x.shape[1]:
        y[:, s:] = x[:, :x.shape[1] - s]
    return y


def _advance(g, s):
    """The adjoint of _shift: y[:, t] = g[:, t + s]."""
    y = np.zeros_like(g)
    if s < g.shape[1]:
        y[:, :g.shape[1] - s] = g[:, s:]
    return y


class CausalConv1d:
    def __init__(self, W, b, dilation=1):
        self.W, self.b, self.dilation = W, b, dilation

    def forward(self, x):
        K = self.W.shape[0]
        self.shifted = [_shift(x, (K - 1 - k) * self.dilation) for k in range(K)]
        return sum(np.einsum('ntc,co->nto', xs, self.W[k]) for k, xs in enumerate(self.shifted)) + self.b

    def backward(self, dout):
        K = self.W.shape[0]
        self.dW = np.stack([np.einsum('ntc,nto->co', xs, dout) for xs in self.shifted])
        self.db = dout.sum(axis=(0, 1))
        return sum(_advance(np.einsum('nto,co->ntc', dout, self.W[k]), (K - 1 - k) * self.dilation) for k in range(K))
