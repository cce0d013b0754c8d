# expect: values
"""Pixel accuracy (the diagonal over all pixels) instead of the mean IoU."""
import numpy as np


def mean_iou(pred, t, num_classes):
    K = num_classes
    cm = np.bincount(K * t.ravel() + pred.ravel(), minlength=K * K).reshape(K, K)     # rows: true, columns: predicted
    inter = np.diag(cm)
    union = cm.sum(axis=0) + cm.sum(axis=1) - inter
    with np.errstate(invalid="ignore"):
        iou = inter / union
    return inter.sum() / cm.sum()