"""Classic wrong answers of the evaluation and validation drills (reference/metrics.py, validation.py,
detection.py's anchors), for their `mistakes:` entries."""
import numpy as np


def precision_recall_swapped(tp, fp, fn):
    """Precision and recall exchanged: FN in precision's denominator, FP in recall's."""
    precision = tp / (tp + fn)
    recall = tp / (tp + fp)
    f1 = 2 * precision * recall / (precision + recall)
    return precision, recall, f1


def kfold_remainder_in_last_fold(n, k):
    """n // k samples per fold and the n % k left over pushed into the last fold."""
    idx = np.arange(n)
    size = n // k
    splits = []
    for i in range(k):
        stop = (i + 1) * size if i < k - 1 else n
        splits.append((np.concatenate([idx[:i * size], idx[stop:]]), idx[i * size:stop]))
    return splits


def kfold_validation_in_training(n, k):
    """Every sample in every training set, the validation fold included (leakage)."""
    idx = np.arange(n)
    return [(idx, fold) for fold in np.array_split(idx, k)]


def anchors_scale_outer(base, ratios, scales, stride, H, W):
    """The anchors of each position ordered with the scales outer and the ratios inner."""
    r, s = np.meshgrid(ratios, scales)
    ws = (base * s / np.sqrt(r)).ravel()
    hs = (base * s * np.sqrt(r)).ravel()
    cell = np.stack([-0.5 * ws, -0.5 * hs, 0.5 * ws, 0.5 * hs], axis=1)
    cx, cy = np.meshgrid((np.arange(W) + 0.5) * stride, (np.arange(H) + 0.5) * stride)
    shifts = np.stack([cx.ravel(), cy.ravel(), cx.ravel(), cy.ravel()], axis=1)
    return (shifts[:, None, :] + cell[None, :, :]).reshape(-1, 4)


def anchors_column_major(base, ratios, scales, stride, H, W):
    """The positions taken column by column (j outer, i inner): indexing="ij" on (x, y)."""
    r, s = np.meshgrid(ratios, scales, indexing="ij")
    ws = (base * s / np.sqrt(r)).ravel()
    hs = (base * s * np.sqrt(r)).ravel()
    cell = np.stack([-0.5 * ws, -0.5 * hs, 0.5 * ws, 0.5 * hs], axis=1)
    cx, cy = np.meshgrid((np.arange(W) + 0.5) * stride, (np.arange(H) + 0.5) * stride, indexing="ij")
    shifts = np.stack([cx.ravel(), cy.ravel(), cx.ravel(), cy.ravel()], axis=1)
    return (shifts[:, None, :] + cell[None, :, :]).reshape(-1, 4)
