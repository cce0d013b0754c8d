# expect: values
"""F1 as the arithmetic mean of precision and recall instead of the harmonic mean."""


def precision_recall_f1(tp, fp, fn):
    precision = tp / (tp + fp)
    recall = tp / (tp + fn)
    f1 = (precision + recall) / 2
    return precision, recall, f1
