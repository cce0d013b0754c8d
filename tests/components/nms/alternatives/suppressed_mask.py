"""A boolean 'suppressed' mask over boxes in score order, the IoU from the given iou; returns an array."""
import numpy as np

from reference.detection import iou


def nms(dets, thresh):
    order = np.argsort(-dets[:, 4], kind="stable")
    suppressed = np.zeros(len(dets), dtype=bool)
    keep = []
    for a, i in enumerate(order):
        if suppressed[a]:
            continue
        keep.append(i)
        rest = order[a + 1:]
        suppressed[a + 1:] |= iou(dets[i, :4], dets[rest, :4]) > thresh
    return np.array(keep, dtype=np.int64)
