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
