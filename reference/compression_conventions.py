"""The other conventions of reference.compression, for the drills' `conventions:` key.

Distillation: Hinton et al. write the soft term as the cross entropy with the soft targets, T² · H(p_t, p_s): it
differs from T² · KL by the teacher's entropy, a constant, so the gradient is the same and only the value moves.
Quantisation: signed int8 (q in [−128, 127], zero point shifted by 128) and symmetric quantisation (zero point 0,
scale max|x| / 127) are conventions of their own. Pruning: PyTorch's l1_unstructured prunes exactly
round(sparsity · n) weights instead of thresholding at a percentile.
"""
import numpy as np

from reference.functions import cross_entropy_error, softmax
from reference.compression import DistillationLoss


class DistillationLossSoftCE(DistillationLoss):
    """The soft term as T² · H(p_t, p_s) (Hinton's cross entropy with soft targets); the same gradient."""
    def forward(self, s, t, labels):
        p_s, p_t = softmax(s / self.T), softmax(t / self.T)
        soft = self.T ** 2 * np.sum(-p_t * np.log(p_s)) / s.shape[0]
        y = softmax(s)
        self.cache = (p_s, p_t, y, labels)
        return self.alpha * soft + (1 - self.alpha) * cross_entropy_error(y, labels)


def quantize_int8(x, x_min, x_max, bits=8):
    """Signed: q in [−2^(bits−1), 2^(bits−1) − 1], the zero point shifted down by 2^(bits−1)."""
    scale = (x_max - x_min) / (2 ** bits - 1)
    zero_point = np.round(-x_min / scale) - 2 ** (bits - 1)
    q = np.clip(np.round(x / scale) + zero_point, -2 ** (bits - 1), 2 ** (bits - 1) - 1)
    return q.astype(np.int8), scale, zero_point


def quantize_symmetric(x, x_min, x_max, bits=8):
    """Symmetric signed: zero point 0, scale max(|x_min|, |x_max|) / (2^(bits−1) − 1)."""
    qmax = 2 ** (bits - 1) - 1
    scale = max(abs(x_min), abs(x_max)) / qmax
    q = np.clip(np.round(x / scale), -qmax, qmax)
    return q.astype(np.int8), scale, 0.0


def prune_topk_count(W, sparsity):
    """Exactly k = round(sparsity · n) smallest |w| pruned (PyTorch's l1_unstructured; stable order for ties)."""
    k = int(round(sparsity * W.size))
    mask = np.ones(W.size, dtype=bool)
    mask[np.argsort(np.abs(W).ravel(), kind="stable")[:k]] = False
    mask = mask.reshape(W.shape)
    return W * mask, mask
