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


def nb_fit(X, y, n_classes, alpha=1.0):
    """Multinomial naive Bayes: class log-priors and per-class word log-probabilities with Laplace smoothing.

    X: (N, V) word counts; y: (N,) class labels in [0, n_classes); alpha: the smoothing count added to every
    word of every class (1.0: Laplace). Returns log_prior (C,) = log(N_c / N) and log_lik (C, V) =
    log((count(c, v) + alpha) / (Σ_v count(c, v) + alpha V)).
    """
    N, V = X.shape
    counts = np.zeros((n_classes, V))
    for c in range(n_classes):
        counts[c] = X[y == c].sum(axis=0)
    log_prior = np.log(np.bincount(y, minlength=n_classes) / N)
    log_lik = np.log((counts + alpha) / (counts.sum(axis=1, keepdims=True) + alpha * V))
    return log_prior, log_lik


def nb_predict(X, log_prior, log_lik):
    """The class maximising log P(c) + Σ_v x_v log P(v | c) (words conditionally independent given the class).

    X: (N, V) word counts; log_prior: (C,); log_lik: (C, V). Returns (N,) class indices.
    """
    scores = log_prior + X @ log_lik.T
    return np.argmax(scores, axis=1)
