# expect: finite
"""No eps in the denominator: 0 / 0 where both gradients are 0."""
import numpy as np


def gradient_check(grad_backprop, grad_numerical):
    return {k: np.average(np.abs(grad_backprop[k] - grad_numerical[k])) for k in grad_numerical}


def max_rel_error(a, b, eps=1e-8):
    return np.max(np.abs(a - b) / (np.abs(a) + np.abs(b)))
