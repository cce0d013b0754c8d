"""Evaluation metrics for classification: the confusion matrix, precision / recall / F1, micro and macro averages.

Convention: the confusion matrix's rows are the true classes and its columns the predicted ones
(cm[i, j] = how many samples of class i were predicted as j), as sklearn.metrics.confusion_matrix.
"""
import numpy as np


def confusion_matrix(y_true, y_pred, num_classes):
    """Counts of (true, predicted) class pairs.

    y_true, y_pred: (N,) integer labels in [0, num_classes).
    Returns cm: (num_classes, num_classes) int64, rows = true class, columns = predicted class.
    """
    cm = np.zeros((num_classes, num_classes), dtype=np.int64)
    np.add.at(cm, (y_true, y_pred), 1)
    return cm


def precision_recall_f1(tp, fp, fn):
    """Precision, recall and F1 from the counts of true positives, false positives and false negatives.

    tp, fp, fn: scalars or arrays of the same shape (one entry per class). Returns (precision, recall, f1).
    """
    precision = tp / (tp + fp)
    recall = tp / (tp + fn)
    f1 = 2 * precision * recall / (precision + recall)
    return precision, recall, f1


def f1_score(y_true, y_pred, num_classes, average="macro"):
    """Multi-class F1, macro- or micro-averaged.

    y_true, y_pred: (N,) integer labels. average: "macro" (the mean of the per-class F1 scores, every class
    weighted equally) or "micro" (TP, FP and FN summed over the classes first, then one F1). Returns a float.
    """
    cm = confusion_matrix(y_true, y_pred, num_classes)
    tp = np.diag(cm)
    fp = cm.sum(axis=0) - tp
    fn = cm.sum(axis=1) - tp
    if average == "micro":
        tp, fp, fn = tp.sum(), fp.sum(), fn.sum()
        return precision_recall_f1(tp, fp, fn)[2]
    return np.mean(precision_recall_f1(tp, fp, fn)[2])
