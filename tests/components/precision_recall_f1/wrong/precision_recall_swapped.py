# expect: mistake
"""Precision and recall swapped (FP and FN exchanged in the denominators)."""


def precision_recall_f1(tp, fp, fn):
    precision = tp / (tp + fn)
    recall = tp / (tp + fp)
    f1 = 2 * precision * recall / (precision + recall)
    return precision, recall, f1
