"""Adam as in Algorithm 1 of Kingma & Ba (2015): per-key state, bias-corrected moments, eps = 1e-8."""
import numpy as np


class Adam:
    def __init__(self, lr=0.001, beta1=0.9, beta2=0.999):
        self.lr = lr
        self.beta1 = beta1
        self.beta2 = beta2
        self.t = 0
        self.m = {}
        self.v = {}

    def update(self, params, grads):
        self.t += 1
        b1, b2, t = self.beta1, self.beta2, self.t
        for key, theta in params.items():
            g = grads[key]
            m = self.m.get(key, np.zeros_like(theta))
            v = self.v.get(key, np.zeros_like(theta))
            m = b1 * m + (1 - b1) * g
            v = b2 * v + (1 - b2) * g * g
            self.m[key], self.v[key] = m, v
            m_hat = m / (1 - b1 ** t)
            v_hat = v / (1 - b2 ** t)
            theta -= self.lr * m_hat / (np.sqrt(v_hat) + 1e-8)
