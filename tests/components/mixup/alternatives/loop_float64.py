"""A loop over the batch in float64, and the loss written out per example."""
import numpy as np


def mixup_data(x, t, lam, index):
    x_mix = np.empty(x.shape, dtype=np.float64)
    t_mix = np.empty(t.shape, dtype=np.float64)
    for i, j in enumerate(index):
        x_mix[i] = lam * x[i] + (1 - lam) * x[j]
        t_mix[i] = lam * t[i] + (1 - lam) * t[j]
    return x_mix, t_mix


def mixup_loss(y, t_a, t_b, lam):
    total = 0.0
    for n in range(len(y)):
        total += lam * -np.log(y[n, t_a[n]] + 1e-7) + (1 - lam) * -np.log(y[n, t_b[n]] + 1e-7)
    return total / len(y)
