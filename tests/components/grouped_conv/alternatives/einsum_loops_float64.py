"""Loops over output positions, the groups as an extra axis of an einsum, in float64."""
import numpy as np


class GroupedConvolution:
    def __init__(self, W, b, groups, stride=1, pad=0):
        self.W, self.b, self.groups, self.stride, self.pad = W, b, groups, stride, pad

    def forward(self, x):
        FN, Cg, FH, FW = self.W.shape
        N, C, H, W = x.shape
        G, s, p = self.groups, self.stride, self.pad
        xp = np.pad(x.astype(np.float64), ((0, 0), (0, 0), (p, p), (p, p))).reshape(N, G, Cg, H + 2 * p, W + 2 * p)
        Wg = self.W.astype(np.float64).reshape(G, FN // G, Cg, FH, FW)
        oh, ow = (H + 2 * p - FH) // s + 1, (W + 2 * p - FW) // s + 1
        out = np.zeros((N, G, FN // G, oh, ow))
        for i in range(oh):
            for j in range(ow):
                win = xp[..., i * s:i * s + FH, j * s:j * s + FW]          # (N, G, Cg, FH, FW)
                out[..., i, j] = np.einsum('ngchw,gfchw->ngf', win, Wg)
        self.xp, self.Wg, self.shape = xp, Wg, x.shape
        return out.reshape(N, FN, oh, ow) + self.b[:, None, None]

    def backward(self, dout):
        FN, Cg, FH, FW = self.W.shape
        N, C, H, W = self.shape
        G, s, p = self.groups, self.stride, self.pad
        d = dout.reshape(N, G, FN // G, dout.shape[2], dout.shape[3])
        dxp = np.zeros_like(self.xp)
        dWg = np.zeros_like(self.Wg)
        for i in range(d.shape[3]):
            for j in range(d.shape[4]):
                win = self.xp[..., i * s:i * s + FH, j * s:j * s + FW]
                dWg += np.einsum('ngf,ngchw->gfchw', d[..., i, j], win)
                dxp[..., i * s:i * s + FH, j * s:j * s + FW] += np.einsum('ngf,gfchw->ngchw', d[..., i, j], self.Wg)
        self.dW = dWg.reshape(self.W.shape)
        self.db = dout.sum(axis=(0, 2, 3))
        return dxp.reshape(N, C, H + 2 * p, W + 2 * p)[:, :, p:p + H, p:p + W]
