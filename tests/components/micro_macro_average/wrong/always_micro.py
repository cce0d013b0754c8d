# expect: values
"""Ignores average: always the micro F1 (the summed counts)."""
import numpy as np
from reference.metrics import confusion_matrix, precision_recall_f1


def f1_score(y_true, y_pred, num_classes, average="macro"):
    cm = confusion_matrix(y_true, y_pred, num_classes)
    tp = np.diag(cm).sum()
    fp = cm.sum() - tp
    fn = cm.sum() - tp
    return precision_recall_f1(tp, fp, fn)[2]
