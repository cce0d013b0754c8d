# expect: mistake
"""Distillation without T²: the soft term's gradients shrink by 1/T² and the soft targets fade as T grows."""
import numpy as np
from reference.functions import softmax, cross_entropy_error


class DistillationLoss:
    def __init__(self, T=4.0, alpha=0.9):
        self.T = T
        self.alpha = alpha

    def forward(self, s, t, labels):
        N = s.shape[0]
        p_s = softmax(s / self.T)
        p_t = softmax(t / self.T)
        soft = np.sum(p_t * (np.log(p_t) - np.log(p_s))) / N
        y = softmax(s)
        hard = cross_entropy_error(y, labels)
        self.cache = (p_s, p_t, y, labels)
        return self.alpha * soft + (1 - self.alpha) * hard

    def backward(self, dout=1):
        p_s, p_t, y, labels = self.cache
        N = y.shape[0]
        dsoft = (p_s - p_t) / (self.T * N)
        dhard = y.copy()
        dhard[np.arange(N), labels] -= 1
        dhard = dhard / N
        return dout * (self.alpha * dsoft + (1 - self.alpha) * dhard)
