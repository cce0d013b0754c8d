# expect: values
"""λ weighs the partner and 1 − λ the example itself."""
import numpy as np
from reference.functions import cross_entropy_error


def mixup_data(x, t, lam, index):
    return (1 - lam) * x + lam * x[index], (1 - lam) * t + lam * t[index]


def mixup_loss(y, t_a, t_b, lam):
    return (1 - lam) * cross_entropy_error(y, t_a) + lam * cross_entropy_error(y, t_b)
