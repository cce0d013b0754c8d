# expect: mistake
"""The mean of exp(-log p) = mean of 1/p."""
import numpy as np


def perplexity(p):
    return np.mean(np.exp(-np.log(p)))
