"""A dict comprehension with np.mean; max_rel_error via np.fmax and .max()."""
import numpy as np


def gradient_check(grad_backprop, grad_numerical):
    return {k: np.mean(np.abs(grad_backprop[k] - grad_numerical[k])) for k in grad_numerical}


def max_rel_error(a, b, eps=1e-8):
    return (np.abs(a - b) / np.fmax(np.abs(a) + np.abs(b), eps)).max()
