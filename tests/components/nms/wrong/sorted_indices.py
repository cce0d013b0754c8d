# expect: values
"""The right boxes, but returned in index order instead of score order."""
import numpy as np

from reference.detection import iou


def nms(dets, thresh):
    order = dets[:, 4].argsort()[::-1]
    keep = []
    while order.size > 0:
        i = order[0]
        keep.append(i)
        ovr = iou(dets[i, :4], dets[order[1:], :4])
        order = order[np.where(ovr <= thresh)[0] + 1]
    return sorted(keep)
