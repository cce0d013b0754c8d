"""Ensembles: soft and hard voting over several models, and AdaBoost's sample-weight update.

Models' outputs come as Python lists with one array per model: class probabilities (N, C) for soft voting,
predicted labels (N,) for hard voting. AdaBoost uses labels in {-1, +1}.
"""
import numpy as np


def soft_vote(prob_list):
    """Soft voting: the class of the highest average probability over the models.

    prob_list: list of M arrays (N, C), each model's class probabilities. Returns (N,) labels.
    """
    probs = np.mean(np.stack(prob_list), axis=0)
    return np.argmax(probs, axis=1)


def hard_vote(pred_list, n_classes):
    """Hard (majority) voting: the label most models predict; a tie goes to the smallest label (np.argmax).

    pred_list: list of M arrays (N,) of labels in [0, n_classes). Returns (N,) labels.
    """
    preds = np.stack(pred_list, axis=1)
    N = preds.shape[0]
    votes = np.zeros((N, n_classes), dtype=int)
    for n in range(N):
        votes[n] = np.bincount(preds[n], minlength=n_classes)
    return np.argmax(votes, axis=1)


def adaboost_update(w, y, h):
    """One AdaBoost round: the weak learner's weight alpha and the re-weighted samples.

    w: (N,) positive sample weights (not necessarily summing to 1); y: (N,) true labels in {-1, +1}; h: (N,) the weak learner's predictions
    in {-1, +1} (weighted error below 0.5). Returns the new weights (N,) (a new array, summing to 1) and
    alpha = ½ log((1 - err) / err). Misclassified samples gain weight, the others lose it.
    """
    err = np.sum(w[y != h]) / np.sum(w)
    alpha = 0.5 * np.log((1 - err) / err)
    w = w * np.exp(-alpha * y * h)
    w = w / np.sum(w)
    return w, alpha
