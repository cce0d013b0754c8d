# expect: mutates_input
"""x is mixed in place (x *= λ): the caller's batch is changed."""
import numpy as np
from reference.functions import cross_entropy_error


def mixup_data(x, t, lam, index):
    partner = x[index]
    x *= lam
    x += (1 - lam) * partner
    return x, lam * t + (1 - lam) * t[index]


def mixup_loss(y, t_a, t_b, lam):
    return lam * cross_entropy_error(y, t_a) + (1 - lam) * cross_entropy_error(y, t_b)
