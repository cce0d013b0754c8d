# expect: values
"""The labels are mixed with the inverse permutation: t[argsort(index)] is not the partner of x[index]."""
import numpy as np
from reference.functions import cross_entropy_error


def mixup_data(x, t, lam, index):
    return lam * x + (1 - lam) * x[index], lam * t + (1 - lam) * t[np.argsort(index)]


def mixup_loss(y, t_a, t_b, lam):
    return lam * cross_entropy_error(y, t_a) + (1 - lam) * cross_entropy_error(y, t_b)
