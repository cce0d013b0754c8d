# expect: convention
"""Hinton's cross entropy with the soft targets, T² · H(p_t, p_s), where the drill uses T² · KL."""
import numpy as np
from reference.functions import softmax, cross_entropy_error


class DistillationLoss:
    def __init__(self, T=4.0, alpha=0.9):
        self.T = T
        self.alpha = alpha

    def forward(self, s, t, labels):
        N = s.shape[0]
        self.p_s, self.p_t = softmax(s / self.T), softmax(t / self.T)
        soft = self.T ** 2 * np.sum(-self.p_t * np.log(self.p_s)) / N
        self.y, self.labels = softmax(s), labels
        return self.alpha * soft + (1 - self.alpha) * cross_entropy_error(self.y, labels)

    def backward(self, dout=1):
        N = self.y.shape[0]
        dhard = self.y.copy()
        dhard[np.arange(N), self.labels] -= 1
        return dout * (self.alpha * self.T * (self.p_s - self.p_t) + (1 - self.alpha) * dhard) / N
