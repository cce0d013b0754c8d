"""Classic wrong answers of the compression and distributed-training drills (reference/compression.py,
distributed.py), for their `mistakes:` entries."""
import numpy as np

from reference.compression import DistillationLoss
from reference.functions import cross_entropy_error, softmax


class DistillationNoTSquared(DistillationLoss):
    """The soft term without T²: its gradients shrink by 1/T² and the soft targets fade as T grows."""
    def forward(self, s, t, labels):
        N = s.shape[0]
        p_s, p_t = softmax(s / self.T), softmax(t / self.T)
        soft = np.sum(p_t * (np.log(p_t) - np.log(p_s))) / N
        y = softmax(s)
        self.cache = (p_s, p_t, y, labels)
        return self.alpha * soft + (1 - self.alpha) * cross_entropy_error(y, labels)

    def backward(self, dout=1):
        p_s, p_t, y, labels = self.cache
        N = y.shape[0]
        dhard = y.copy()
        dhard[np.arange(N), labels] -= 1
        return dout * (self.alpha * (p_s - p_t) / (self.T * N) + (1 - self.alpha) * dhard / N)


class DistillationKLReversed(DistillationLoss):
    """KL(p_s ‖ p_t): the divergence weighted by the student instead of the teacher (forward only differs)."""
    def forward(self, s, t, labels):
        N = s.shape[0]
        p_s, p_t = softmax(s / self.T), softmax(t / self.T)
        soft = self.T ** 2 * np.sum(p_s * (np.log(p_s) - np.log(p_t))) / N
        y = softmax(s)
        self.cache = (p_s, p_t, y, labels)
        return self.alpha * soft + (1 - self.alpha) * cross_entropy_error(y, labels)


def quantize_no_clip(x, x_min, x_max, bits=8):
    """No saturation: values outside the calibrated range wrap around in uint8."""
    qmax = 2 ** bits - 1
    scale = (x_max - x_min) / qmax
    zero_point = np.round(-x_min / scale)
    return (np.round(x / scale) + zero_point).astype(np.uint8), scale, zero_point


def quantize_scale_2pow(x, x_min, x_max, bits=8):
    """scale = range / 2^bits (256 levels) instead of / (2^bits − 1) (255 steps)."""
    scale = (x_max - x_min) / 2 ** bits
    zero_point = np.round(-x_min / scale)
    q = np.clip(np.round(x / scale) + zero_point, 0, 2 ** bits - 1)
    return q.astype(np.uint8), scale, zero_point


def prune_no_abs(W, sparsity):
    """The threshold and mask on the signed weights: large negative weights are pruned."""
    threshold = np.percentile(W, sparsity * 100)
    mask = W > threshold
    return W * mask, mask


def prune_keeps_smallest(W, sparsity):
    """|w| < threshold kept: the important (large) weights are pruned."""
    threshold = np.percentile(np.abs(W), sparsity * 100)
    mask = np.abs(W) < threshold
    return W * mask, mask


def prune_fraction_as_percent(W, sparsity):
    """np.percentile given the fraction where it takes a percentage: almost nothing is pruned."""
    threshold = np.percentile(np.abs(W), sparsity)
    mask = np.abs(W) > threshold
    return W * mask, mask


def allreduce_sum(worker_grads, batch_sizes=None):
    """The all-reduce sum without dividing by the workers (or, with sizes, the size-weighted sum)."""
    if batch_sizes is None:
        return [np.sum(np.stack(g), axis=0) for g in zip(*worker_grads)]
    return [sum(b * x for b, x in zip(batch_sizes, g)) / sum(batch_sizes) for g in zip(*worker_grads)]


def allreduce_unweighted(worker_grads, batch_sizes=None):
    """The plain mean over workers even when the shards differ in size."""
    return [np.mean(np.stack(g), axis=0) for g in zip(*worker_grads)]


def fedavg_unweighted(client_weights, n_samples):
    """The plain mean over clients, whatever their numbers of samples."""
    return [np.mean(np.stack(ws), axis=0) for ws in zip(*client_weights)]


def fedavg_not_normalised(client_weights, n_samples):
    """Weighted by the raw counts n_k without dividing by n = Σ n_k."""
    return [sum(n_k * w for n_k, w in zip(n_samples, ws)) for ws in zip(*client_weights)]
