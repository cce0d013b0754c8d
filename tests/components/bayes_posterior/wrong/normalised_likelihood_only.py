# expect: values
"""The evidence without the prior: Σ P(D | h) in the denominator."""
import numpy as np


def posterior(prior, likelihood):
    return likelihood * prior / np.sum(likelihood, axis=-1, keepdims=True)


def map_estimate(prior, likelihood):
    return np.argmax(likelihood * prior, axis=-1)
