# expect: values
"""The mean relative error where the check takes the worst element."""
import numpy as np


def gradient_check(grad_backprop, grad_numerical):
    return {k: np.average(np.abs(grad_backprop[k] - grad_numerical[k])) for k in grad_numerical}


def max_rel_error(a, b, eps=1e-8):
    return np.mean(np.abs(a - b) / np.maximum(np.abs(a) + np.abs(b), eps))
