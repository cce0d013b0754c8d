"""A plain loop over the boxes with Python's max / min."""
import numpy as np


def iou(box, boxes):
    out = np.zeros(len(boxes))
    for k, b in enumerate(boxes):
        iw = max(0.0, min(box[2], b[2]) - max(box[0], b[0]))
        ih = max(0.0, min(box[3], b[3]) - max(box[1], b[1]))
        inter = iw * ih
        union = (box[2] - box[0]) * (box[3] - box[1]) + (b[2] - b[0]) * (b[3] - b[1]) - inter
        out[k] = inter / union
    return out
