"""LSTM with each gate's weights sliced before the products (four affine maps); grads put together with np.concatenate."""
import numpy as np


class LSTM:
    """One LSTM step. The four gates are one affine map A = x·Wx + h_prev·Wh + b, sliced f, g, i, o.

    Wx: (D, 4H), Wh: (H, 4H), b: (4H,). x: (N, D), h_prev, c_prev: (N, H) -> h_next, c_next: (N, H).
    c_next = f * c_prev + g * i, h_next = o * tanh(c_next).
    backward(dh_next, dc_next) returns (dx, dh_prev, dc_prev).
    """

    def __init__(self, Wx, Wh, b):
        self.params = [Wx, Wh, b]
        self.grads = [np.zeros_like(Wx), np.zeros_like(Wh), np.zeros_like(b)]
        self.cache = None

    def forward(self, x, h_prev, c_prev):
        Wx, Wh, b = self.params
        N, H = h_prev.shape

        def gate(k):
            s = slice(k * H, (k + 1) * H)
            return x @ Wx[:, s] + h_prev @ Wh[:, s] + b[s]

        f = 1 / (1 + np.exp(-gate(0)))
        g = np.tanh(gate(1))
        i = 1 / (1 + np.exp(-gate(2)))
        o = 1 / (1 + np.exp(-gate(3)))

        c_next = f * c_prev + g * i
        h_next = o * np.tanh(c_next)

        self.cache = (x, h_prev, c_prev, i, f, g, o, c_next)
        return h_next, c_next

    def backward(self, dh_next, dc_next):
        Wx, Wh, b = self.params
        x, h_prev, c_prev, i, f, g, o, c_next = self.cache

        tanh_c_next = np.tanh(c_next)

        ds = dc_next + (dh_next * o) * (1 - tanh_c_next ** 2)

        dc_prev = ds * f

        di = ds * g
        df = ds * c_prev
        do = dh_next * tanh_c_next
        dg = ds * i

        di *= i * (1 - i)
        df *= f * (1 - f)
        do *= o * (1 - o)
        dg *= (1 - g ** 2)

        dA = np.concatenate([df, dg, di, do], axis=1)

        dWh = np.dot(h_prev.T, dA)
        dWx = np.dot(x.T, dA)
        db = dA.sum(axis=0)

        np.copyto(self.grads[0], dWx)
        np.copyto(self.grads[1], dWh)
        np.copyto(self.grads[2], db)

        dx = np.dot(dA, Wx.T)
        dh_prev = np.dot(dA, Wh.T)

        return dx, dh_prev, dc_prev
