# expect: values
"""dg = dz * tf: the sigmoid's derivative sg(1 - sg) is missing."""
import numpy as np
from reference.wavenet import CausalConv1d, sigmoid


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
        dg = dz * self.tf
        dx = dres + self.conv_f.backward(df) + self.conv_g.backward(dg)
        return dx
