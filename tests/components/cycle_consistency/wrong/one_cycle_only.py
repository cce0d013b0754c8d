# expect: values
"""Only the forward cycle F(G(x)) ≈ x; the backward cycle G(F(y)) ≈ y forgotten."""
import numpy as np


class CycleConsistencyLoss:
    def __init__(self, Wg, Wf, lam=10.0):
        self.Wg, self.Wf, self.lam = Wg, Wf, lam

    def forward(self, x, y):
        fy = x @ self.Wg
        rx = fy @ self.Wf
        self.c = x, y, fy, rx
        return self.lam * np.mean(np.abs(rx - x))

    def backward(self, dout=1):
        x, y, fy, rx = self.c
        gx = dout * self.lam * np.sign(rx - x) / x.size
        self.dWf = fy.T @ gx
        self.dWg = x.T @ (gx @ self.Wf.T)
        return (gx @ self.Wf.T) @ self.Wg.T - gx, np.zeros_like(y)
