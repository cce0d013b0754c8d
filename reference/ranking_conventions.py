"""The other AP conventions, for the average_precision drill's `conventions:` key.

The drill follows PASCAL VOC's all-point interpolated AP (VOC 2010 on). VOC 2007 averaged the interpolated
precision at 11 recall levels, COCO at 101, and sklearn.metrics.average_precision_score does not interpolate at
all (Σ (R_n − R_{n−1}) P_n): all legitimate, so the grader names them.
"""
import numpy as np


def _interpolated_at(rec, prec, levels):
    """Mean over the recall levels t of the best precision at recall >= t (0 where recall never reaches t)."""
    return np.mean([np.max(prec[rec >= t]) if np.any(rec >= t) else 0.0 for t in levels])


def average_precision_11point(rec, prec):
    """VOC 2007: recall levels 0, 0.1, ..., 1."""
    return _interpolated_at(rec, prec, np.linspace(0, 1, 11))


def average_precision_101point(rec, prec):
    """COCO: recall levels 0, 0.01, ..., 1."""
    return _interpolated_at(rec, prec, np.linspace(0, 1, 101))


def average_precision_step(rec, prec):
    """sklearn.metrics.average_precision_score: Σ (R_n − R_{n−1}) P_n without the precision envelope."""
    return np.sum(np.diff(np.concatenate(([0.0], rec))) * prec)
