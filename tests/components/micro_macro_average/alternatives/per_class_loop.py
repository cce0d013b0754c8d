"""Counts per class with boolean masks and a loop; micro F1 = 2TP / (2TP + FP + FN)."""
import numpy as np


def f1_score(y_true, y_pred, num_classes, average="macro"):
    tp = np.array([np.sum((y_true == k) & (y_pred == k)) for k in range(num_classes)])
    fp = np.array([np.sum((y_true != k) & (y_pred == k)) for k in range(num_classes)])
    fn = np.array([np.sum((y_true == k) & (y_pred != k)) for k in range(num_classes)])
    if average == "micro":
        return 2 * tp.sum() / (2 * tp.sum() + fp.sum() + fn.sum())
    return np.mean(2 * tp / (2 * tp + fp + fn))
