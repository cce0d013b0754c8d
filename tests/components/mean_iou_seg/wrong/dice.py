# expect: values
"""The Dice coefficient 2·TP / (2·TP + FP + FN) instead of the IoU."""
import numpy as np


def mean_iou(pred, t, num_classes):
    K = num_classes
    cm = np.bincount(K * t.ravel() + pred.ravel(), minlength=K * K).reshape(K, K)     # rows: true, columns: predicted
    inter = np.diag(cm)
    union = cm.sum(axis=0) + cm.sum(axis=1) - inter
    with np.errstate(invalid="ignore"):
        iou = 2 * inter / (union + inter)
    return np.nanmean(iou)