"""Learning with few labels: self-training's pseudo-labels and active learning's uncertainty sampling.

probs: (N, K) class probabilities of a model for N unlabelled samples (rows sum to 1).
"""
import numpy as np


def pseudo_label(probs, tau):
    """Self-training: the samples the model is confident about get their predicted class as a label.

    probs: (N, K), tau: the confidence threshold -> (mask: (N,) bool, max probability >= tau,
    labels: (M,) int, the predicted classes of the M selected samples, in sample order).
    """
    mask = probs.max(axis=1) >= tau
    labels = probs.argmax(axis=1)[mask]
    return mask, labels


def select_queries(probs, k, strategy='least_confident'):
    """Uncertainty sampling: the k samples to ask an annotator about, most uncertain first.

    probs: (N, K) -> indices (k,). strategy:
      'least_confident': uncertainty 1 - max_k p
      'margin':          the smallest gap between the two largest probabilities (p_(1) - p_(2))
      'entropy':         -Σ p log p (natural log; p = 0 contributes 0)
    """
    if strategy == 'least_confident':
        score = 1 - probs.max(axis=1)
    elif strategy == 'margin':
        p_sorted = np.sort(probs, axis=1)
        score = -(p_sorted[:, -1] - p_sorted[:, -2])
    elif strategy == 'entropy':
        score = -np.sum(probs * np.log(probs + 1e-12), axis=1)
    else:
        raise ValueError(f"unknown strategy {strategy!r}")
    return np.argsort(-score)[:k]
