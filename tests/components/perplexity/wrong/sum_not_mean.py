# expect: values
"""exp of the total loss (not divided by the number of tokens)."""
import numpy as np


def perplexity(p):
    return np.exp(-np.sum(np.log(p)))
