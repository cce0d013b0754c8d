"""The other convention of reference.segmentation's mean IoU, for the mean_iou_seg drill's `conventions:` key.

FCN's mean IU leaves a class absent from both maps out of the mean; some libraries (older torchmetrics'
JaccardIndex, absent_score=0) count it as IoU 0 instead, so the grader names that answer.
"""
import numpy as np


def mean_iou_absent_as_zero(pred, t, num_classes):
    """Mean IoU over all num_classes classes, a class absent from both maps counting as 0."""
    K = num_classes
    cm = np.bincount(K * t.ravel() + pred.ravel(), minlength=K * K).reshape(K, K)
    inter = np.diag(cm)
    union = cm.sum(axis=0) + cm.sum(axis=1) - inter
    return np.mean(np.where(union > 0, inter / np.maximum(union, 1), 0.0))
