# expect: convention
"""The trapezoidal rule over k = 0 .. m."""
import numpy as np


def integrated_gradients(x, baseline, grad_fn, m=50):
    g = [grad_fn(baseline + (k / m) * (x - baseline)) for k in range(m + 1)]
    return (x - baseline) * (sum(g) - 0.5 * (g[0] + g[-1])) / m
