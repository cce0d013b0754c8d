"""What detection heads compute on top of the boxes: the smooth L1 box-regression loss (Fast R-CNN), SSD's hard
negative mining, YOLO's decoding of raw outputs and FCOS's (l, t, r, b) targets with their centerness.

Boxes are (x1, y1, x2, y2) in continuous coordinates, as in reference.detection.
"""
import numpy as np

from reference.functions import sigmoid, softmax


class SmoothL1Loss:
    """Smooth L1 (Huber-like) loss, the mean over every element, as torch.nn.functional.smooth_l1_loss.

    loss(d) = 0.5 d² / beta where |d| < beta, |d| - 0.5 beta elsewhere (d = x - t; beta = 1 in Fast R-CNN).
    forward(x, t): x, t: (N, 4) or any shape -> a float. backward(dout=1) -> dx, shaped like x.
    """

    def __init__(self, beta=1.0):
        self.beta = beta
        self.diff = None

    def forward(self, x, t):
        self.diff = x - t
        abs_diff = np.abs(self.diff)
        loss = np.where(abs_diff < self.beta, 0.5 * self.diff ** 2 / self.beta, abs_diff - 0.5 * self.beta)
        return np.mean(loss)

    def backward(self, dout=1):
        grad = np.where(np.abs(self.diff) < self.beta, self.diff / self.beta, np.sign(self.diff))
        return dout * grad / self.diff.size


def hard_negative_mining(conf_loss, pos_mask, ratio=3):
    """SSD's hard negative mining: per image, the negatives with the largest classification loss, at most ratio
    times as many as the positives.

    conf_loss: (N, P) classification loss of every prior box; pos_mask: (N, P) bool, True for the positives.
    Returns neg_mask: (N, P) bool, True for the chosen negatives (never a positive).
    """
    loss = np.where(pos_mask, -np.inf, conf_loss)               # positives are never chosen as negatives
    num_pos = np.sum(pos_mask, axis=1, keepdims=True)           # (N, 1)
    num_neg = np.minimum(ratio * num_pos, pos_mask.shape[1] - num_pos)
    order = np.argsort(-loss, axis=1)           # hardest first
    rank = np.argsort(order, axis=1)            # rank[n, p]: where box p comes in that order
    return rank < num_neg


def yolo_decode(t, anchors, stride):
    """YOLOv2's decoding of raw outputs into boxes and class scores.

    t: (H, W, A, 5 + C) raw outputs per cell and anchor: tx, ty, tw, th, objectness, C class logits;
    anchors: (A, 2) prior widths and heights in pixels; stride: pixels per cell.
    bx = (sigmoid(tx) + cx) * stride, by = (sigmoid(ty) + cy) * stride with (cx, cy) the cell's column and row;
    bw = pw * exp(tw), bh = ph * exp(th); score = sigmoid(objectness) * softmax(class logits).
    Returns boxes: (H, W, A, 4) as centre and size (bx, by, bw, bh) in pixels; scores: (H, W, A, C).
    """
    H, W = t.shape[:2]
    cy, cx = np.meshgrid(np.arange(H), np.arange(W), indexing="ij")     # (H, W): the row and column of each cell
    bx = (sigmoid(t[..., 0]) + cx[:, :, None]) * stride
    by = (sigmoid(t[..., 1]) + cy[:, :, None]) * stride
    bw = anchors[:, 0] * np.exp(t[..., 2])
    bh = anchors[:, 1] * np.exp(t[..., 3])
    scores = sigmoid(t[..., 4:5]) * softmax(t[..., 5:])
    return np.stack([bx, by, bw, bh], axis=-1), scores


def fcos_ltrb(points, box):
    """FCOS regression targets: the distances from each point to the four sides of a box.

    points: (P, 2) as (x, y); box: (4,) as (x0, y0, x1, y1). Returns ltrb: (P, 4) as (l, t, r, b).
    """
    x = points[:, 0]
    y = points[:, 1]
    l = x - box[0]
    t = y - box[1]
    r = box[2] - x
    b = box[3] - y
    return np.stack([l, t, r, b], axis=1)


def inside_box(ltrb):
    """A point is a positive sample of the box only if it lies strictly inside: every distance > 0.

    ltrb: (P, 4). Returns (P,) bool.
    """
    return np.min(ltrb, axis=1) > 0


def centerness(ltrb):
    """FCOS centerness: sqrt(min(l, r) / max(l, r) * min(t, b) / max(t, b)), 1 at the centre, 0 on a side.

    ltrb: (P, 4) of points inside the box (every distance > 0). Returns (P,).
    """
    l, t, r, b = ltrb[:, 0], ltrb[:, 1], ltrb[:, 2], ltrb[:, 3]
    lr = np.minimum(l, r) / np.maximum(l, r)
    tb = np.minimum(t, b) / np.maximum(t, b)
    return np.sqrt(lr * tb)
