# expect: finite
"""np.minimum for the top-left corner and np.maximum for the bottom-right: the enclosing box, not the overlap."""
import numpy as np


def iou(box, boxes):
    xx1 = np.minimum(box[0], boxes[:, 0])
    yy1 = np.minimum(box[1], boxes[:, 1])
    xx2 = np.maximum(box[2], boxes[:, 2])
    yy2 = np.maximum(box[3], boxes[:, 3])
    inter = np.maximum(0.0, xx2 - xx1) * np.maximum(0.0, yy2 - yy1)
    area = (box[2] - box[0]) * (box[3] - box[1])
    areas = (boxes[:, 2] - boxes[:, 0]) * (boxes[:, 3] - boxes[:, 1])
    return inter / (area + areas - inter)
