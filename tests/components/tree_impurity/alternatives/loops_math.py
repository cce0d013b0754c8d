"""Counts in a dict, math.log2, and the gain from the impurities multiplied by the child counts."""
import math


def _proportions(y):
    counts = {}
    for label in y:
        counts[label] = counts.get(label, 0) + 1
    return [c / len(y) for c in counts.values()]


def gini(y):
    return 1.0 - sum(p * p for p in _proportions(y))


def entropy(y):
    return -sum(p * math.log2(p) for p in _proportions(y) if p > 0)


def info_gain(y, y_left, y_right, criterion="gini"):
    f = gini if criterion == "gini" else entropy
    return (len(y) * f(y) - len(y_left) * f(y_left) - len(y_right) * f(y_right)) / len(y)
