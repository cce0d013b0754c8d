# expect: convention
"""Micro where macro is asked and macro where micro is asked."""
import numpy as np
from reference.metrics import confusion_matrix, precision_recall_f1


def f1_score(y_true, y_pred, num_classes, average="macro"):
    cm = confusion_matrix(y_true, y_pred, num_classes)
    tp = np.diag(cm)
    fp = cm.sum(axis=0) - tp
    fn = cm.sum(axis=1) - tp
    if average == "macro":
        tp, fp, fn = tp.sum(), fp.sum(), fn.sum()
        return precision_recall_f1(tp, fp, fn)[2]
    return np.mean(precision_recall_f1(tp, fp, fn)[2])
