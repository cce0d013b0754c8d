"""The 1x1 convolutions as einsums, σ written as (1 + tanh(x/2)) / 2, the derivatives from the saved outputs."""
import numpy as np
from reference.wavenet import CausalConv1d


class WaveNetBlock:
    def __init__(self, Wf, bf, Wg, bg, Wr, br, Ws, bs, dilation=1):
        self.conv_f = CausalConv1d(Wf, bf, dilation)
        self.conv_g = CausalConv1d(Wg, bg, dilation)
        self.Wr, self.br, self.Ws, self.bs = Wr, br, Ws, bs

    def forward(self, x):
        self.a = np.tanh(self.conv_f.forward(x))
        self.s = (1 + np.tanh(self.conv_g.forward(x) / 2)) / 2
        self.z = self.a * self.s
        return x + np.einsum('ntz,zc->ntc', self.z, self.Wr) + self.br, np.einsum('ntz,zk->ntk', self.z, self.Ws) + self.bs

    def backward(self, dres, dskip):
        self.dWr = np.einsum('ntz,ntc->zc', self.z, dres)
        self.dWs = np.einsum('ntz,ntk->zk', self.z, dskip)
        self.dbr, self.dbs = dres.sum(axis=(0, 1)), dskip.sum(axis=(0, 1))
        dz = np.einsum('ntc,zc->ntz', dres, self.Wr) + np.einsum('ntk,zk->ntz', dskip, self.Ws)
        dx_f = self.conv_f.backward(dz * self.s * (1 - self.a) * (1 + self.a))
        dx_g = self.conv_g.backward(dz * self.a * self.s * (1 - self.s))
        return dres + dx_f + dx_g
