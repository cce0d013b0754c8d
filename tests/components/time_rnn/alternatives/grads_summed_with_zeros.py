"""TimeRNN summing the step gradients into zero arrays and writing them with np.copyto; hs stacked from a list."""
import numpy as np
from reference.rnn import RNN


class TimeRNN:
    """T steps of RNN sharing Wx, Wh, b. xs: (N, T, D) -> hs: (N, T, H).

    stateful=True keeps the last hidden state for the next forward (truncated BPTT);
    set_state(h) / reset_state() set or forget it. backward(dhs) sums the gradients of every
    step, carries dh from step t to step t − 1, and keeps the gradient for the initial state in self.dh.
    """

    def __init__(self, Wx, Wh, b, stateful=False):
        self.params = [Wx, Wh, b]
        self.grads = [np.zeros_like(Wx), np.zeros_like(Wh), np.zeros_like(b)]
        self.layers = None

        self.h, self.dh = None, None
        self.stateful = stateful

    def forward(self, xs):
        Wx, Wh, b = self.params
        N, T, D = xs.shape
        D, H = Wx.shape

        self.layers = []
        outs = []

        if not self.stateful or self.h is None:
            self.h = np.zeros((N, H), dtype='f')

        for t in range(T):
            layer = RNN(*self.params)
            self.h = layer.forward(xs[:, t, :], self.h)
            outs.append(self.h)
            self.layers.append(layer)

        return np.stack(outs, axis=1).astype('f')

    def backward(self, dhs):
        Wx, Wh, b = self.params
        N, T, H = dhs.shape
        D, H = Wx.shape

        dxs = np.empty((N, T, D), dtype='f')
        dh = 0
        grads = [np.zeros_like(p) for p in self.params]
        for t in reversed(range(T)):
            layer = self.layers[t]
            dx, dh = layer.backward(dhs[:, t, :] + dh)
            dxs[:, t, :] = dx

            for i, grad in enumerate(layer.grads):
                grads[i] += grad

        for mine, grad in zip(self.grads, grads):
            np.copyto(mine, grad)
        self.dh = dh

        return dxs

    def set_state(self, h):
        self.h = h

    def reset_state(self):
        self.h = None
