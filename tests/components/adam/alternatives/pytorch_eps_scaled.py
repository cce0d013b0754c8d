"""Adam as PyTorch's implementation computes it: step_size = lr / bias_correction1,
denom = sqrt(v) / sqrt(bias_correction2) + eps."""
import numpy as np


class Adam:
    def __init__(self, lr=0.001, beta1=0.9, beta2=0.999):
        self.lr = lr
        self.beta1 = beta1
        self.beta2 = beta2
        self.step = 0
        self.exp_avg = None
        self.exp_avg_sq = None

    def update(self, params, grads):
        if self.exp_avg is None:
            self.exp_avg = {k: np.zeros_like(v) for k, v in params.items()}
            self.exp_avg_sq = {k: np.zeros_like(v) for k, v in params.items()}
        self.step += 1
        bias_correction1 = 1 - self.beta1 ** self.step
        bias_correction2 = 1 - self.beta2 ** self.step
        step_size = self.lr / bias_correction1
        for k in params:
            g = grads[k]
            self.exp_avg[k] *= self.beta1
            self.exp_avg[k] += (1 - self.beta1) * g
            self.exp_avg_sq[k] *= self.beta2
            self.exp_avg_sq[k] += (1 - self.beta2) * g * g
            denom = np.sqrt(self.exp_avg_sq[k]) / np.sqrt(bias_correction2) + 1e-8
            params[k] -= step_size * self.exp_avg[k] / denom
