# expect: values
"""MAP replaced by maximum likelihood: argmax P(D | h), the prior forgotten."""
import numpy as np


def posterior(prior, likelihood):
    joint = likelihood * prior
    return joint / np.sum(joint, axis=-1, keepdims=True)


def map_estimate(prior, likelihood):
    return np.argmax(likelihood, axis=-1)
