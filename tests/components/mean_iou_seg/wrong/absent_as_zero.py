# expect: convention
"""Classes absent from both maps counted as IoU 0."""
import numpy as np


def mean_iou(pred, t, num_classes):
    K = num_classes
    cm = np.bincount(K * t.ravel() + pred.ravel(), minlength=K * K).reshape(K, K)     # rows: true, columns: predicted
    inter = np.diag(cm)
    union = cm.sum(axis=0) + cm.sum(axis=1) - inter
    with np.errstate(invalid="ignore"):
        iou = inter / union
    return np.mean(np.nan_to_num(iou))