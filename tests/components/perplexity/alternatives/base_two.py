"""In bits: 2 to the mean of -log2 p (the same number)."""
import numpy as np


def perplexity(p):
    return 2.0 ** np.mean(-np.log2(p))
