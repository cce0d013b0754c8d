# expect: type
"""order[inds] instead of order[inds + 1]: ovr was computed for order[1:], so every position is off by one."""
import numpy as np

from reference.detection import iou


def nms(dets, thresh):
    order = dets[:, 4].argsort()[::-1]
    keep = []
    while order.size > 0:
        i = order[0]
        keep.append(i)
        ovr = iou(dets[i, :4], dets[order[1:], :4])
        inds = np.where(ovr <= thresh)[0]
        order = order[inds]
    return keep
