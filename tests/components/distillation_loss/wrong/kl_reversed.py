# expect: mistake
"""KL(p_s || p_t): the divergence weighted by the student instead of the teacher."""
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
        soft = self.T ** 2 * np.sum(p_s * (np.log(p_s) - np.log(p_t))) / N
        y = softmax(s)
        hard = cross_entropy_error(y, labels)
        self.cache = (p_s, p_t, y, labels)
        return self.alpha * soft + (1 - self.alpha) * hard

    def backward(self, dout=1):
        p_s, p_t, y, labels = self.cache
        N = y.shape[0]
        dsoft = self.T * (p_s - p_t) / N
        dhard = y.copy()
        dhard[np.arange(N), labels] -= 1
        dhard = dhard / N
        return dout * (self.alpha * dsoft + (1 - self.alpha) * dhard)
