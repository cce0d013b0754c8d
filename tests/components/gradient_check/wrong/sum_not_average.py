# expect: mistake
"""The sum of the absolute differences, not their mean."""
import numpy as np


def gradient_check(grad_backprop, grad_numerical):
    return {k: np.sum(np.abs(grad_backprop[k] - grad_numerical[k])) for k in grad_numerical}


def max_rel_error(a, b, eps=1e-8):
    return np.max(np.abs(a - b) / np.maximum(np.abs(a) + np.abs(b), eps))
