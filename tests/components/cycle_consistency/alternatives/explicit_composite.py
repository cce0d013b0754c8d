"""The round trips as one matrix each, M = Wg Wf and K = Wf Wg, differentiated through the products."""
import numpy as np


class CycleConsistencyLoss:
    def __init__(self, Wg, Wf, lam=10.0):
        self.Wg, self.Wf, self.lam = Wg, Wf, lam

    def forward(self, x, y):
        self.x, self.y = x, y
        self.ex = x @ (self.Wg @ self.Wf) - x
        self.ey = y @ (self.Wf @ self.Wg) - y
        return self.lam * (np.abs(self.ex).sum() / self.ex.size + np.abs(self.ey).sum() / self.ey.size)

    def backward(self, dout=1):
        gx = dout * self.lam * np.sign(self.ex) / self.ex.size
        gy = dout * self.lam * np.sign(self.ey) / self.ey.size
        dM = self.x.T @ gx   # M = Wg @ Wf
        dK = self.y.T @ gy   # K = Wf @ Wg
        self.dWg = dM @ self.Wf.T + self.Wf.T @ dK
        self.dWf = self.Wg.T @ dM + dK @ self.Wg.T
        dx = gx @ (self.Wg @ self.Wf).T - gx
        dy = gy @ (self.Wf @ self.Wg).T - gy
        return dx, dy
