# expect: mistake
"""Squared error (L2) in the cycles instead of CycleGAN's L1."""
import numpy as np


class CycleConsistencyLoss:
    def __init__(self, Wg, Wf, lam=10.0):
        self.Wg, self.Wf, self.lam = Wg, Wf, lam

    def forward(self, x, y):
        fy = x @ self.Wg
        rx = fy @ self.Wf
        fx = y @ self.Wf
        ry = fx @ self.Wg
        self.c = x, y, fy, rx, fx, ry
        return self.lam * (np.mean((rx - x) ** 2) + np.mean((ry - y) ** 2))

    def backward(self, dout=1):
        x, y, fy, rx, fx, ry = self.c
        gx = dout * self.lam * 2 * (rx - x) / x.size
        gy = dout * self.lam * 2 * (ry - y) / y.size
        self.dWf = fy.T @ gx + y.T @ (gy @ self.Wg.T)
        self.dWg = x.T @ (gx @ self.Wf.T) + fx.T @ gy
        return (gx @ self.Wf.T) @ self.Wg.T - gx, (gy @ self.Wg.T) @ self.Wf.T - gy
