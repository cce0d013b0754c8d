"""Bayes' rule, the MAP estimate and the naive Bayes classifier.

Hypotheses (classes) lie along the last axis: a prior is (K,), a likelihood P(D | h) is (K,) for one
observation or (N, K) for N observations (one row each). Naive Bayes works with log-probabilities.
"""
import numpy as np


def posterior(prior, likelihood):
    """Bayes' rule P(h | D) = P(D | h) P(h) / Σ_h' P(D | h') P(h').

    prior: (K,) P(h); likelihood: (K,) or (N, K) P(D | h) (not a distribution over h). Returns the same shape
    as likelihood, each row summing to 1.
    """
    joint = likelihood * prior
    evidence = np.sum(joint, axis=-1, keepdims=True)
    return joint / evidence


def map_estimate(prior, likelihood):
    """The maximum a posteriori hypothesis argmax_h P(D | h) P(h) (the evidence does not depend on h).

    prior: (K,); likelihood: (K,) or (N, K). Returns an index, or (N,) indices.
    """
    return np.argmax(likelihood * prior, axis=-1)
