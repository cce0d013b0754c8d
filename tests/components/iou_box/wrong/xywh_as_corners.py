# expect: values
"""The area computed as if the boxes were (x, y, w, h): box[2] * box[3] instead of (x2 - x1)(y2 - y1)."""
import numpy as np


def iou(box, boxes):
    xx1 = np.maximum(box[0], boxes[:, 0])
    yy1 = np.maximum(box[1], boxes[:, 1])
    xx2 = np.minimum(box[2], boxes[:, 2])
    yy2 = np.minimum(box[3], boxes[:, 3])
    inter = np.maximum(0.0, xx2 - xx1) * np.maximum(0.0, yy2 - yy1)
    area = box[2] * box[3]
    areas = boxes[:, 2] * boxes[:, 3]
    return inter / (area + areas - inter)
