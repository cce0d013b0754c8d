# expect: values
"""λ left out of the loss and its gradient."""
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
        self.lam = 1.0
        return np.mean(np.abs(rx - x)) + np.mean(np.abs(ry - y))

    def backward(self, dout=1):
        x, y, fy, rx, fx, ry = self.c
        gx = dout * self.lam * np.sign(rx - x) / x.size
        gy = dout * self.lam * np.sign(ry - y) / y.size
        self.dWf = fy.T @ gx
        dfy = gx @ self.Wf.T
        self.dWg = x.T @ dfy
        dx = dfy @ self.Wg.T - gx
        self.dWg = self.dWg + fx.T @ gy
        dfx = gy @ self.Wg.T
        self.dWf = self.dWf + y.T @ dfx
        dy = dfx @ self.Wf.T - gy
        return dx, dy

