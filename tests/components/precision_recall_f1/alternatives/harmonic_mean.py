"""F1 as the harmonic mean 1 / ((1/P + 1/R) / 2), returned as a list."""


def precision_recall_f1(tp, fp, fn):
    p = tp / (tp + fp)
    r = tp / (tp + fn)
    return [p, r, 2 / (1 / p + 1 / r)]
