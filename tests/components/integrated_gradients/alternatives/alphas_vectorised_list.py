"""The path points from np.linspace of the alphas (k/m, k = 1..m), gradients stacked and averaged."""
import numpy as np


def integrated_gradients(x, baseline, grad_fn, m=50):
    alphas = np.linspace(1.0 / m, 1.0, m)
    grads = np.stack([grad_fn(baseline + a * (x - baseline)) for a in alphas])
    return (x - baseline) * grads.mean(axis=0)
