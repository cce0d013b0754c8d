# expect: values
"""The ignored steps' log-probabilities (of the last class) stay in the loss."""
import numpy as np
from reference.functions import softmax


class TimeSoftmaxWithLoss:
    """Softmax and cross entropy at every step, averaged over the steps whose label is not −1.

    xs: (N, T, V) scores, ts: (N, T) labels (or one-hot (N, T, V)) -> loss (scalar).
    A label of −1 (ignore_label, e.g. padding) adds nothing to the loss, nor to the count, nor to the gradient.
    backward(dout=1) returns dxs: (N, T, V).
    """

    def __init__(self):
        self.params, self.grads = [], []
        self.cache = None
        self.ignore_label = -1

    def forward(self, xs, ts):
        N, T, V = xs.shape

        if ts.ndim == 3:  # one-hot labels
            ts = ts.argmax(axis=2)

        mask = (ts != self.ignore_label)

        # put the batch and the time steps in one axis
        xs = xs.reshape(N * T, V)
        ts = ts.reshape(N * T)
        mask = mask.reshape(N * T)

        ys = softmax(xs)
        ls = np.log(ys[np.arange(N * T), ts])
        loss = -np.sum(ls)
        loss /= mask.sum()

        self.cache = (ts, ys, mask, (N, T, V))
        return loss

    def backward(self, dout=1):
        ts, ys, mask, (N, T, V) = self.cache

        dx = ys.copy()
        dx[np.arange(N * T), ts] -= 1
        dx *= dout
        dx /= mask.sum()
        dx *= mask[:, np.newaxis]  # no gradient where the label is ignore_label

        dx = dx.reshape((N, T, V))

        return dx
