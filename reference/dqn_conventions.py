"""The other conventions of reference.dqn's loss, for the drills' `conventions:` key.

The drill follows the book's DeZero mean_squared_error (the mean of the squared errors). The Huber loss
(PyTorch's smooth_l1_loss with beta = 1, what the DQN paper's error clipping amounts to) and ゼロから作る ①'s
½ Σ (y − t)² are legitimate losses of their own, and the grader names them.
"""
import numpy as np


def dqn_loss_huber(qs, action, td_target):
    """Smooth L1 (Huber, δ = 1), mean over the batch."""
    q = qs[np.arange(qs.shape[0]), action]
    d = np.abs(q - td_target)
    return np.mean(np.where(d < 1, 0.5 * d ** 2, d - 0.5))


def dqn_loss_half_sum(qs, action, td_target):
    """½ Σ (q − target)², the sum with ½ of ゼロから作る ①'s mean_squared_error."""
    q = qs[np.arange(qs.shape[0]), action]
    return 0.5 * np.sum((q - td_target) ** 2)


class DuelingHeadMax:
    """Q = V + A - max_a' A (the paper's eq. 8): the maximum's gradient goes to the first largest advantage."""
    def forward(self, V, A):
        self.idx = A.argmax(axis=1)
        return V + (A - A.max(axis=1, keepdims=True))

    def backward(self, dQ):
        dA = dQ.copy()
        dA[np.arange(len(dQ)), self.idx] -= dQ.sum(axis=1)
        return dQ.sum(axis=1, keepdims=True), dA
