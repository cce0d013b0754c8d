# expect: values
"""The evidence summed over every element of the batch (np.sum without axis)."""
import numpy as np


def posterior(prior, likelihood):
    joint = likelihood * prior
    return joint / np.sum(joint)


def map_estimate(prior, likelihood):
    return np.argmax(likelihood * prior, axis=-1)
