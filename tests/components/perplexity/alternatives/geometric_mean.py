"""The geometric mean of 1/p written with a product."""
import numpy as np


def perplexity(p):
    return np.prod(1.0 / p) ** (1.0 / len(p))
