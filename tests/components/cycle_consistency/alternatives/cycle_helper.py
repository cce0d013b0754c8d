"""One helper for both cycles (first map, then second), called twice; np.dot."""
import numpy as np


def cycle(a, W_first, W_second, scale):
    mid = np.dot(a, W_first)
    back = np.dot(mid, W_second)
    loss = np.abs(back - a).mean()
    g_back = scale * np.sign(back - a) / a.size
    dW_second = np.dot(mid.T, g_back)
    g_mid = np.dot(g_back, W_second.T)
    dW_first = np.dot(a.T, g_mid)
    da = np.dot(g_mid, W_first.T) - g_back
    return loss, (da, dW_first, dW_second)


class CycleConsistencyLoss:
    def __init__(self, Wg, Wf, lam=10.0):
        self.Wg, self.Wf, self.lam = Wg, Wf, lam

    def forward(self, x, y):
        self.x, self.y = x, y
        lx, _ = cycle(x, self.Wg, self.Wf, self.lam)
        ly, _ = cycle(y, self.Wf, self.Wg, self.lam)
        return self.lam * (lx + ly)

    def backward(self, dout=1):
        _, (dx, dWg1, dWf1) = cycle(self.x, self.Wg, self.Wf, self.lam * dout)
        _, (dy, dWf2, dWg2) = cycle(self.y, self.Wf, self.Wg, self.lam * dout)
        self.dWg = dWg1 + dWg2
        self.dWf = dWf1 + dWf2
        return dx, dy
