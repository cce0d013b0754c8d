"""Model compression: knowledge distillation with temperature, affine (asymmetric) quantisation, magnitude pruning.

Distillation follows Hinton et al. (2015): the student matches the teacher's softened distribution softmax(z/T)
by the KL divergence, scaled by T² so that its gradients keep their size as T changes, mixed with the ordinary
cross entropy on the hard labels. Quantisation follows Jacob et al. (2018): real x ≈ scale · (q − zero_point) with
q an unsigned integer in [0, 2^bits − 1]. Pruning follows Han et al. (2015): the weights of smallest magnitude are
set to 0 and a mask keeps them at 0 during fine-tuning.
"""
import numpy as np

from reference.functions import cross_entropy_error, softmax


class DistillationLoss:
    """α · T² · KL(softmax(t/T) || softmax(s/T)) + (1 − α) · CE(softmax(s), y), both terms batch means.

    forward(s, t, labels): s: (N, C) student logits; t: (N, C) teacher logits (constants); labels: (N,) ints.
    Returns the scalar loss. backward(dout=1) -> ds: (N, C), the gradient by the student's logits.
    """
    def __init__(self, T=4.0, alpha=0.9):
        self.T = T
        self.alpha = alpha
        self.cache = None

    def forward(self, s, t, labels):
        batch_size = s.shape[0]
        p_s = softmax(s / self.T)
        p_t = softmax(t / self.T)
        soft = self.T ** 2 * np.sum(p_t * (np.log(p_t) - np.log(p_s))) / batch_size
        y = softmax(s)
        hard = cross_entropy_error(y, labels)
        self.cache = (p_s, p_t, y, labels)
        return self.alpha * soft + (1 - self.alpha) * hard

    def backward(self, dout=1):
        p_s, p_t, y, labels = self.cache
        batch_size = y.shape[0]
        dsoft = self.T * (p_s - p_t) / batch_size
        dhard = y.copy()
        dhard[np.arange(batch_size), labels] -= 1
        dhard = dhard / batch_size
        return dout * (self.alpha * dsoft + (1 - self.alpha) * dhard)


def quantize(x, x_min, x_max, bits=8):
    """Affine (asymmetric) quantisation of x to unsigned integers calibrated on the range [x_min, x_max].

    x: any shape; x_min < x_max: the calibrated range (x.min(), x.max() for dynamic quantisation). scale maps the
    range onto [0, 2^bits − 1]; zero_point is rounded so that the real 0 is represented exactly; values of x outside
    the range saturate. Returns (q, scale, zero_point) with q an np.uint8 array (bits ≤ 8).
    """
    qmax = 2 ** bits - 1
    scale = (x_max - x_min) / qmax
    zero_point = np.round(-x_min / scale)
    q = np.round(x / scale) + zero_point
    q = np.clip(q, 0, qmax)
    return q.astype(np.uint8), scale, zero_point


def dequantize(q, scale, zero_point):
    """x ≈ scale · (q − zero_point). q: any shape of integers; zero_point as quantize returns it (a float, so
    q − zero_point is computed in floats and never wraps around in uint8)."""
    return scale * (q - zero_point)


def prune(W, sparsity):
    """Magnitude pruning: zero the fraction `sparsity` of the weights with the smallest |w|.

    W: any shape; sparsity in [0, 1). The threshold is np.percentile(|W|, 100·sparsity) (linear interpolation);
    weights with |w| ≤ threshold are pruned (ties at the threshold go). Returns (W_pruned, mask) with mask a bool
    array of W's shape, True where a weight is kept.
    """
    threshold = np.percentile(np.abs(W), sparsity * 100)
    mask = np.abs(W) > threshold
    W_pruned = W * mask
    return W_pruned, mask
