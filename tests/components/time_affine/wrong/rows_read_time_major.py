# expect: values
"""The N*T rows read back as time-major (t*N + n, PyTorch's RNN layout) although x.reshape(N*T, -1) made them batch-major (n*T + t): right shape, the wrong step in each place."""
import numpy as np


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
        return out.reshape(T, N, -1).transpose(1, 0, 2)

    def backward(self, dout):
        x = self.x
        N, T, D = x.shape
        W, b = self.params

        dout = dout.transpose(1, 0, 2).reshape(N*T, -1)
        rx = x.reshape(N*T, D)

        db = np.sum(dout, axis=0)
        dW = np.dot(rx.T, dout)
        dx = np.dot(dout, W.T)
        dx = dx.reshape(T, N, D).transpose(1, 0, 2)

        self.grads[0][...] = dW
        self.grads[1][...] = db

        return dx
