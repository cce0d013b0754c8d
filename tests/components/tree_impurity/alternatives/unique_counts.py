"""np.unique counts; Gini as Σ p(1 - p); entropy as -Σ p log p / log 2."""
import numpy as np


def gini(y):
    _, counts = np.unique(y, return_counts=True)
    p = counts / counts.sum()
    return np.sum(p * (1 - p))


def entropy(y):
    _, counts = np.unique(y, return_counts=True)
    p = counts / counts.sum()
    return -np.sum(p * np.log(p)) / np.log(2)


def info_gain(y, y_left, y_right, criterion="gini"):
    f = {"gini": gini, "entropy": entropy}[criterion]
    n = len(y_left) + len(y_right)
    return f(y) - len(y_left) / n * f(y_left) - len(y_right) / n * f(y_right)
