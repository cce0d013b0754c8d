"""Corners as arrays, intersection sides clipped with np.clip, computed in float64."""
import numpy as np


def iou(box, boxes):
    box = np.asarray(box, dtype=np.float64)
    boxes = np.asarray(boxes, dtype=np.float64)
    lt = np.maximum(box[:2], boxes[:, :2])
    rb = np.minimum(box[2:], boxes[:, 2:])
    wh = np.clip(rb - lt, 0, None)
    inter = wh[:, 0] * wh[:, 1]
    area1 = np.prod(box[2:] - box[:2])
    area2 = np.prod(boxes[:, 2:] - boxes[:, :2], axis=1)
    return inter / (area1 + area2 - inter)
