# expect: values
"""|a - b| / |a + b|: the denominator without the absolute values of each term."""
import numpy as np


def gradient_check(grad_backprop, grad_numerical):
    return {k: np.average(np.abs(grad_backprop[k] - grad_numerical[k])) for k in grad_numerical}


def max_rel_error(a, b, eps=1e-8):
    return np.max(np.abs(a - b) / np.maximum(np.abs(a + b), eps))
