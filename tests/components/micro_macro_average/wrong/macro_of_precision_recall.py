# expect: values
"""Macro F1 computed as the F1 of the macro precision and macro recall (not the mean of per-class F1)."""
import numpy as np
from reference.metrics import confusion_matrix, precision_recall_f1


def f1_score(y_true, y_pred, num_classes, average="macro"):
    cm = confusion_matrix(y_true, y_pred, num_classes)
    tp = np.diag(cm)
    fp = cm.sum(axis=0) - tp
    fn = cm.sum(axis=1) - tp
    if average == "micro":
        tp, fp, fn = tp.sum(), fp.sum(), fn.sum()
        return precision_recall_f1(tp, fp, fn)[2]
    p, r, _ = precision_recall_f1(tp, fp, fn)
    p, r = p.mean(), r.mean()
    return 2 * p * r / (p + r)
