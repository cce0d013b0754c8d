"""The other conventions of reference.detection, for the drills' `conventions:` key.

The drills use continuous coordinates (width = x2 - x1) and suppress in NMS only boxes whose IoU is above the
threshold. The original Fast R-CNN / Faster R-CNN code counts pixels inclusively (width = x2 - x1 + 1), and some
implementations suppress at IoU >= threshold: both are legitimate, so the grader names them.
"""
import numpy as np

from reference.detection import iou


def iou_plus_one(box, boxes):
    """IoU with inclusive pixel coordinates: width = x2 - x1 + 1 (py_cpu_nms)."""
    xx1 = np.maximum(box[0], boxes[:, 0])
    yy1 = np.maximum(box[1], boxes[:, 1])
    xx2 = np.minimum(box[2], boxes[:, 2])
    yy2 = np.minimum(box[3], boxes[:, 3])
    inter = np.maximum(0.0, xx2 - xx1 + 1) * np.maximum(0.0, yy2 - yy1 + 1)
    area = (box[2] - box[0] + 1) * (box[3] - box[1] + 1)
    areas = (boxes[:, 2] - boxes[:, 0] + 1) * (boxes[:, 3] - boxes[:, 1] + 1)
    return inter / (area + areas - inter)


def nms_suppress_at_threshold(dets, thresh):
    """NMS that also suppresses boxes whose IoU equals the threshold (IoU >= thresh)."""
    order = dets[:, 4].argsort()[::-1]
    keep = []
    while order.size > 0:
        i = order[0]
        keep.append(i)
        ovr = iou(dets[i, :4], dets[order[1:], :4])
        order = order[np.where(ovr < thresh)[0] + 1]
    return keep
