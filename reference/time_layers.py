"""The Time layers around an RNN, as in ゼロから作るDeep Learning ❷ (common/time_layers.py, common/util.py).

Embedding, affine map and softmax-with-loss applied at every step of a sequence, and gradient
clipping. Shapes: N sequences of length T; word ids xs: (N, T); vectors (N, T, D); scores (N, T, V).
Each layer holds `self.params` / `self.grads` lists; backward writes gradients in place.
"""
import numpy as np

from reference.embedding import Embedding
from reference.functions import softmax


class TimeEmbedding:
    """W[xs] at every step. W: (V, D), xs: (N, T) word ids -> out: (N, T, D) (float32, as in the book).

    backward(dout: (N, T, D)) sums every step's gradient of W into grads[0] and returns None.
    """

    def __init__(self, W):
        self.params = [W]
        self.grads = [np.zeros_like(W)]
        self.layers = None
        self.W = W

    def forward(self, xs):
        N, T = xs.shape
        V, D = self.W.shape

        out = np.empty((N, T, D), dtype='f')
        self.layers = []

        for t in range(T):
            layer = Embedding(self.W)
            out[:, t, :] = layer.forward(xs[:, t])
            self.layers.append(layer)

        return out

    def backward(self, dout):
        N, T, D = dout.shape

        grad = 0
        for t in range(T):
            layer = self.layers[t]
            layer.backward(dout[:, t, :])
            grad += layer.grads[0]

        self.grads[0][...] = grad
        return None


class TimeAffine:
    """x·W + b at every step, as one matrix product over the N·T rows.

    W: (D, M), b: (M,). x: (N, T, D) -> out: (N, T, M); backward returns dx: (N, T, D).
    """

    def __init__(self, W, b):
        self.params = [W, b]
        self.grads = [np.zeros_like(W), np.zeros_like(b)]
        self.x = None

    def forward(self, x):
        N, T, D = x.shape
        W, b = self.params

        rx = x.reshape(N*T, -1)
        out = np.dot(rx, W) + b
        self.x = x
        return out.reshape(N, T, -1)

    def backward(self, dout):
        x = self.x
        N, T, D = x.shape
        W, b = self.params

        dout = dout.reshape(N*T, -1)
        rx = x.reshape(N*T, D)

        db = np.sum(dout, axis=0)
        dW = np.dot(rx.T, dout)
        dx = np.dot(dout, W.T)
        dx = dx.reshape(*x.shape)

        self.grads[0][...] = dW
        self.grads[1][...] = db

        return dx


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
        ls *= mask  # no loss where the label is ignore_label
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


def clip_grads(grads, max_norm):
    """Gradient clipping by the global L2 norm, in place.

    grads: list of arrays. If the norm of all of them together exceeds max_norm, every array is
    multiplied by max_norm / (norm + 1e-6); otherwise nothing changes. Returns None.
    """
    total_norm = 0
    for grad in grads:
        total_norm += np.sum(grad ** 2)
    total_norm = np.sqrt(total_norm)

    rate = max_norm / (total_norm + 1e-6)
    if rate < 1:
        for grad in grads:
            grad *= rate
