"""Evaluation metrics computed from scores and rankings: the ROC curve and its AUC, average precision (AP) and mean
average precision (mAP); and the regression metrics MSE, RMSE, MAE and R².

Conventions: the ROC curve has one point per distinct score (tied scores move the curve diagonally, so a tied
positive-negative pair counts 1/2, as sklearn.metrics.roc_auc_score); AP is PASCAL VOC's all-point interpolated AP
(the precision envelope, summed over every change of recall). reference.ranking_conventions has VOC 2007's
11-point AP, COCO's 101-point AP and sklearn's non-interpolated AP.
"""
import numpy as np


def roc_curve(y, score):
    """Points of the ROC curve, thresholds from the highest score down.

    y: (N,) labels 1 (positive) / 0 (negative), both present; score: (N,) scores, higher = more positive.
    Returns (fpr, tpr): (K + 1,) each, K = the number of distinct scores, starting at (0, 0) and ending at (1, 1).
    """
    order = np.argsort(-score, kind="stable")
    y = y[order]
    score = score[order]
    tps = np.cumsum(y)
    fps = np.cumsum(1 - y)
    # the last sample of each run of equal scores: tied samples become positive together
    last = np.r_[np.where(np.diff(score) != 0)[0], len(score) - 1]
    tpr = np.r_[0, tps[last]] / tps[-1]
    fpr = np.r_[0, fps[last]] / fps[-1]
    return fpr, tpr


def auc(fpr, tpr):
    """Area under the curve through the points (fpr, tpr) by the trapezoidal rule (x = fpr, y = tpr).

    fpr, tpr: (K,) with fpr non-decreasing. Returns a float.
    """
    return np.sum((fpr[1:] - fpr[:-1]) * (tpr[1:] + tpr[:-1]) / 2)


def roc_auc(y, score):
    """ROC-AUC of scores for 0/1 labels: y, score: (N,). Returns a float."""
    fpr, tpr = roc_curve(y, score)
    return auc(fpr, tpr)


def precision_recall(conf, is_tp, n_pos):
    """Precision and recall of one class's detections taken in descending confidence.

    conf: (D,) confidences; is_tp: (D,) bool, True where the detection matched a ground-truth object not matched
    before (IoU >= 0.5); n_pos: the number of ground-truth objects of the class.
    Returns (rec, prec): (D,) each, the k-th entry after the k most confident detections.
    """
    order = np.argsort(-conf, kind="stable")
    tp = is_tp[order]
    tp_cum = np.cumsum(tp)
    fp_cum = np.cumsum(~tp)
    rec = tp_cum / n_pos
    prec = tp_cum / (tp_cum + fp_cum)
    return rec, prec


def average_precision(rec, prec):
    """PASCAL VOC all-point interpolated AP: the area under the precision envelope.

    rec, prec: (D,) as precision_recall returns them (rec non-decreasing). Returns a float.
    """
    mrec = np.concatenate(([0.0], rec))
    mpre = np.maximum.accumulate(prec[::-1])[::-1]      # the best precision at this recall or any higher one
    return np.sum((mrec[1:] - mrec[:-1]) * mpre)


def mean_average_precision(confs, is_tps, n_pos):
    """mAP: the mean over classes of each class's AP.

    confs, is_tps: lists with one (D_c,) array per class; n_pos: list of the classes' ground-truth counts.
    Returns a float.
    """
    aps = []
    for conf, is_tp, n in zip(confs, is_tps, n_pos):
        rec, prec = precision_recall(conf, is_tp, n)
        aps.append(average_precision(rec, prec))
    return np.mean(aps)


def mse(y, y_pred):
    """Mean squared error. y, y_pred: (N,) or any shape (the mean over every element). Returns a float."""
    return np.mean((y - y_pred) ** 2)


def rmse(y, y_pred):
    """Root mean squared error, in the unit of y."""
    return np.sqrt(mse(y, y_pred))


def mae(y, y_pred):
    """Mean absolute error."""
    return np.mean(np.abs(y - y_pred))


def r2_score(y, y_pred):
    """Coefficient of determination R² = 1 - SS_res / SS_tot (1 for a perfect fit, 0 for predicting the mean)."""
    ss_res = np.sum((y - y_pred) ** 2)
    ss_tot = np.sum((y - np.mean(y)) ** 2)
    return 1 - ss_res / ss_tot
