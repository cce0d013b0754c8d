# expect: values
"""argsort without [::-1]: the lowest score is kept first."""
import numpy as np

from reference.detection import iou


def nms(dets, thresh):
    order = dets[:, 4].argsort()
    keep = []
    while order.size > 0:
        i = order[0]
        keep.append(i)
        ovr = iou(dets[i, :4], dets[order[1:], :4])
        inds = np.where(ovr <= thresh)[0]
        order = order[inds + 1]
    return keep
