"""WaveNet's building blocks: the dilated causal 1-D convolution and the gated residual unit.

Sequences are (N, T, C) as in book 2. A causal convolution pads only on the left,
(K - 1) * dilation steps, so out[t] depends on x[t], x[t - d], ..., x[t - (K-1)d]
and never on the future. Taps are in PyTorch's (cross-correlation) order:
W[K - 1] weights the current step, W[k] the step (K - 1 - k) * d back.
"""
import numpy as np


class CausalConv1d:
    """Dilated causal convolution over time.

    W: (K, C_in, C_out), b: (C_out,). x: (N, T, C_in) -> out: (N, T, C_out).
    The input is padded by (K - 1) * dilation zeros at the start; tap k reads
    x_pad[:, k*d : k*d + T], a (N, T, C_in) slice, and multiplies it by W[k].
    Receptive field of one layer: (K - 1) * d + 1 steps.
    """

    def __init__(self, W, b, dilation=1):
        self.W = W
        self.b = b
        self.dilation = dilation
        self.x_pad = None
        self.dW = None
        self.db = None

    def forward(self, x):
        K, C, C_out = self.W.shape
        N, T, C = x.shape
        d = self.dilation
        P = (K - 1) * d

        x_pad = np.pad(x, [(0, 0), (P, 0), (0, 0)], 'constant')
        out = np.zeros((N, T, C_out), dtype=x.dtype) + self.b
        for k in range(K):
            out += np.dot(x_pad[:, k * d:k * d + T], self.W[k])

        self.x_pad = x_pad
        return out

    def backward(self, dout):
        K, C, C_out = self.W.shape
        N, T, _ = dout.shape
        d = self.dilation
        P = (K - 1) * d

        dx_pad = np.zeros_like(self.x_pad)
        self.dW = np.zeros_like(self.W)
        for k in range(K):
            tap = self.x_pad[:, k * d:k * d + T]
            dtap = dx_pad[:, k * d:k * d + T]
            self.dW[k] = np.tensordot(tap, dout, axes=([0, 1], [0, 1]))
            dtap += np.dot(dout, self.W[k].T)
        self.db = np.sum(dout, axis=(0, 1))

        dx = dx_pad[:, P:]
        return dx


def sigmoid(x):
    return 1 / (1 + np.exp(-x))


class WaveNetBlock:
    """WaveNet's gated residual unit: z = tanh(conv_f(x)) * sigmoid(conv_g(x)),
    residual output x + z @ Wr + br, skip output z @ Ws + bs (both 1x1 convolutions).

    conv_f, conv_g: CausalConv1d with Wf, Wg: (K, C, C_z) and the same dilation.
    Wr: (C_z, C), Ws: (C_z, C_skip). x: (N, T, C) -> (res (N, T, C), skip (N, T, C_skip)).
    backward(dres, dskip) returns dx: the residual path's dres plus the gradients
    through both gates.
    """

    def __init__(self, Wf, bf, Wg, bg, Wr, br, Ws, bs, dilation=1):
        self.conv_f = CausalConv1d(Wf, bf, dilation)
        self.conv_g = CausalConv1d(Wg, bg, dilation)
        self.Wr = Wr
        self.br = br
        self.Ws = Ws
        self.bs = bs
        self.tf = None
        self.sg = None
        self.z = None
        self.dWr = None
        self.dbr = None
        self.dWs = None
        self.dbs = None

    def forward(self, x):
        tf = np.tanh(self.conv_f.forward(x))
        sg = sigmoid(self.conv_g.forward(x))
        z = tf * sg

        res = x + np.dot(z, self.Wr) + self.br
        skip = np.dot(z, self.Ws) + self.bs

        self.tf = tf
        self.sg = sg
        self.z = z
        return res, skip

    def backward(self, dres, dskip):
        self.dWr = np.tensordot(self.z, dres, axes=([0, 1], [0, 1]))
        self.dbr = np.sum(dres, axis=(0, 1))
        self.dWs = np.tensordot(self.z, dskip, axes=([0, 1], [0, 1]))
        self.dbs = np.sum(dskip, axis=(0, 1))
        dz = np.dot(dres, self.Wr.T) + np.dot(dskip, self.Ws.T)

        df = dz * self.sg * (1 - self.tf ** 2)
        dg = dz * self.tf * self.sg * (1 - self.sg)
        dx = dres + self.conv_f.backward(df) + self.conv_g.backward(dg)
        return dx
