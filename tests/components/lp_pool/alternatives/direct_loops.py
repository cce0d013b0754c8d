"""Loops over output positions with np.linalg.norm(ord=p) per window; backward by the norm's derivative."""
import numpy as np


class LpPooling:
    def __init__(self, p, pool_h, pool_w, stride=1, pad=0):
        self.p, self.ph, self.pw, self.s, self.pad = p, pool_h, pool_w, stride, pad

    def forward(self, x):
        N, C, H, W = x.shape
        q = self.pad
        xp = np.pad(x, ((0, 0), (0, 0), (q, q), (q, q)))
        oh, ow = (H + 2 * q - self.ph) // self.s + 1, (W + 2 * q - self.pw) // self.s + 1
        out = np.zeros((N, C, oh, ow), dtype=x.dtype)
        for n in range(N):
            for c in range(C):
                for i in range(oh):
                    for j in range(ow):
                        win = xp[n, c, i * self.s:i * self.s + self.ph, j * self.s:j * self.s + self.pw]
                        out[n, c, i, j] = np.linalg.norm(win.ravel(), ord=self.p)
        self.xp, self.out, self.shape = xp, out, x.shape
        return out

    def backward(self, dout):
        N, C, H, W = self.shape
        q, s = self.pad, self.s
        dxp = np.zeros_like(self.xp)
        for i in range(dout.shape[2]):
            for j in range(dout.shape[3]):
                win = self.xp[:, :, i * s:i * s + self.ph, j * s:j * s + self.pw]
                o = self.out[:, :, i, j][:, :, None, None]
                g = dout[:, :, i, j][:, :, None, None]
                dxp[:, :, i * s:i * s + self.ph, j * s:j * s + self.pw] += g * np.sign(win) * (np.abs(win) / o) ** (self.p - 1)
        return dxp[:, :, q:q + H, q:q + W]
