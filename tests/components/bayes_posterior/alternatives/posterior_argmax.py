"""Normalisation with a transposed sum for batches; MAP as the argmax of the normalised posterior."""
import numpy as np


def posterior(prior, likelihood):
    joint = likelihood * prior
    if joint.ndim == 1:
        return joint / joint.sum()
    return (joint.T / joint.sum(axis=1)).T


def map_estimate(prior, likelihood):
    return posterior(prior, likelihood).argmax(axis=-1)
