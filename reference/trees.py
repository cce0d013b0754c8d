"""Decision trees and ensembles: impurity (Gini, entropy) and information gain, bootstrap sampling and bagging,
and one step of gradient boosting.

Labels y: (N,) integers 0 .. C-1. Entropy in bits (log2), as scikit-learn's criterion="entropy".
"""
import numpy as np


# ------------------------------------------------------------------------------------------------------ impurity
def gini(y):
    """Gini impurity 1 - Σ_k p_k² of the labels y (N,) (N >= 1). Returns a float."""
    p = np.bincount(y) / len(y)
    return 1 - np.sum(p ** 2)


def entropy(y):
    """Entropy -Σ_k p_k log2 p_k of the labels y (N,) in bits (0 log 0 = 0). Returns a float."""
    p = np.bincount(y) / len(y)
    p = p[p > 0]
    return -np.sum(p * np.log2(p))


def info_gain(y, y_left, y_right, criterion="gini"):
    """The impurity decrease of splitting y into y_left and y_right (both non-empty).

    criterion: "gini" or "entropy". Returns I(y) - (N_L / N) I(y_left) - (N_R / N) I(y_right), the children
    weighted by their share of the samples.
    """
    impurity = gini if criterion == "gini" else entropy
    w_left = len(y_left) / len(y)
    w_right = len(y_right) / len(y)
    return impurity(y) - (w_left * impurity(y_left) + w_right * impurity(y_right))


# --------------------------------------------------------------------------------------------- gradient boosting
class Stump:
    """A least-squares regression stump (a depth-1 regression tree): the weak learner of gradient boosting.

    fit(X, r): X (N, D), r (N,) targets; tries every feature and every midpoint between consecutive distinct
    values, keeps the split with the smallest sum of squared errors (the first one on ties) and predicts each
    side's mean. predict(X): (N,).
    """

    def fit(self, X, r):
        self.feature, self.threshold = 0, np.inf
        self.left_value = self.right_value = r.mean()
        best = np.sum((r - r.mean()) ** 2)
        for j in range(X.shape[1]):
            values = np.unique(X[:, j])
            for t in (values[:-1] + values[1:]) / 2:
                left = X[:, j] <= t
                sse = np.sum((r[left] - r[left].mean()) ** 2) + np.sum((r[~left] - r[~left].mean()) ** 2)
                if sse < best:
                    best, self.feature, self.threshold = sse, j, t
                    self.left_value, self.right_value = r[left].mean(), r[~left].mean()
        return self

    def predict(self, X):
        return np.where(X[:, self.feature] <= self.threshold, self.left_value, self.right_value)


def gradient_boosting_step(X, y, F, lr):
    """One round of gradient boosting for the squared loss ½(y - F)².

    X: (N, D), y: (N,), F: (N,) the current predictions (left unchanged), lr: learning rate (shrinkage).
    Fits a Stump to the negative gradient -∂L/∂F = y - F (the residual) and returns F + lr * stump(X).
    """
    residual = y - F
    tree = Stump().fit(X, residual)
    return F + lr * tree.predict(X)


def gradient_boosting(X, y, n_rounds, lr):
    """n_rounds of gradient boosting from the constant F0 = mean(y). Returns the training predictions F: (N,)."""
    F = np.full(len(y), y.mean())
    for _ in range(n_rounds):
        F = gradient_boosting_step(X, y, F, lr)
    return F


# ---------------------------------------------------------------------------------------------- bootstrap, bagging
def bootstrap_sample(n, rng):
    """One bootstrap sample of n indices and its out-of-bag indices.

    n: number of samples, rng: a numpy Generator. Draws n indices with replacement, rng.integers(0, n, size=n)
    (rng.choice(n, n) draws the same). Returns (idx, oob): idx (n,) int, oob the indices never drawn, ascending.
    """
    idx = rng.integers(0, n, size=n)
    oob = np.setdiff1d(np.arange(n), idx)
    return idx, oob


def bagging_predict(probas, voting="soft"):
    """The bagged ensemble's class for each sample.

    probas: (M, N, C) the class probabilities of M models for N samples. voting "soft": the class of the
    largest mean probability over the models; "hard": the majority of the M models' own classes (a tie goes to
    the smallest class). Returns (N,) int.
    """
    if voting == "soft":
        return np.argmax(probas.mean(axis=0), axis=1)
    votes = np.argmax(probas, axis=2)                        # (M, N) each model's class
    C = probas.shape[2]
    counts = np.stack([np.sum(votes == c, axis=0) for c in range(C)], axis=1)   # (N, C)
    return np.argmax(counts, axis=1)
