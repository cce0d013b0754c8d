# expect: values
"""The inputs are mixed but the labels are returned unchanged."""
import numpy as np
from reference.functions import cross_entropy_error


def mixup_data(x, t, lam, index):
    return lam * x + (1 - lam) * x[index], t


def mixup_loss(y, t_a, t_b, lam):
    return lam * cross_entropy_error(y, t_a) + (1 - lam) * cross_entropy_error(y, t_b)
