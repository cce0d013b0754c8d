# expect: convention
"""ovr < thresh: a box at exactly the threshold is suppressed (>= ) where the statement keeps it."""
import numpy as np

from reference.detection import iou


def nms(dets, thresh):
    order = dets[:, 4].argsort()[::-1]
    keep = []
    while order.size > 0:
        i = order[0]
        keep.append(i)
        ovr = iou(dets[i, :4], dets[order[1:], :4])
        inds = np.where(ovr < thresh)[0]
        order = order[inds + 1]
    return keep
