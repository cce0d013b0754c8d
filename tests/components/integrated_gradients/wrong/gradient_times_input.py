# expect: mistake
"""(x - baseline) times the gradient at x: no path."""
import numpy as np


def integrated_gradients(x, baseline, grad_fn, m=50):
    return (x - baseline) * grad_fn(x)
