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


def bbox_encode_plus_one(anchors, gt):
    """(dx, dy, dw, dh) with inclusive pixel widths, as py-faster-rcnn's bbox_transform: w = x2 - x1 + 1."""
    wa = anchors[:, 2] - anchors[:, 0] + 1.0
    ha = anchors[:, 3] - anchors[:, 1] + 1.0
    xa = anchors[:, 0] + 0.5 * wa
    ya = anchors[:, 1] + 0.5 * ha
    w = gt[:, 2] - gt[:, 0] + 1.0
    h = gt[:, 3] - gt[:, 1] + 1.0
    x = gt[:, 0] + 0.5 * w
    y = gt[:, 1] + 0.5 * h
    return np.stack([(x - xa) / wa, (y - ya) / ha, np.log(w / wa), np.log(h / ha)], axis=1)


def bbox_decode_plus_one(anchors, deltas):
    """The inverse of bbox_encode_plus_one (Detectron's bbox_transform: x2 = centre + w / 2 - 1)."""
    wa = anchors[:, 2] - anchors[:, 0] + 1.0
    ha = anchors[:, 3] - anchors[:, 1] + 1.0
    xa = anchors[:, 0] + 0.5 * wa
    ya = anchors[:, 1] + 0.5 * ha
    x = deltas[:, 0] * wa + xa
    y = deltas[:, 1] * ha + ya
    w = wa * np.exp(deltas[:, 2])
    h = ha * np.exp(deltas[:, 3])
    return np.stack([x - 0.5 * w, y - 0.5 * h, x + 0.5 * w - 1.0, y + 0.5 * h - 1.0], axis=1)


def make_anchors_corner_centres(base, ratios, scales, stride, H, W):
    """Anchors centred on the cell corners (j * stride, i * stride), as torchvision's AnchorGenerator shifts them."""
    r, s = np.meshgrid(ratios, scales, indexing="ij")
    ws, hs = (base * s / np.sqrt(r)).ravel(), (base * s * np.sqrt(r)).ravel()
    cell = np.stack([-ws / 2, -hs / 2, ws / 2, hs / 2], axis=1)
    cx, cy = np.meshgrid(np.arange(W) * stride, np.arange(H) * stride)
    shifts = np.stack([cx.ravel(), cy.ravel(), cx.ravel(), cy.ravel()], axis=1)
    return (shifts[:, None, :] + cell[None, :, :]).reshape(-1, 4)


class SmoothL1LossPerBox:
    """Smooth L1 summed over each box's 4 coordinates and averaged over the N boxes (Fast R-CNN's normalisation)."""

    def __init__(self, beta=1.0):
        self.beta = beta
        self.diff = None

    def forward(self, x, t):
        self.diff = x - t
        a = np.abs(self.diff)
        return np.sum(np.where(a < self.beta, 0.5 * self.diff ** 2 / self.beta, a - 0.5 * self.beta)) / len(x)

    def backward(self, dout=1):
        d = self.diff
        return dout * np.where(np.abs(d) < self.beta, d / self.beta, np.sign(d)) / len(d)


def yolo_decode_sigmoid_classes(t, anchors, stride):
    """YOLOv3's class scores: an independent sigmoid per class (multi-label) instead of YOLOv2's softmax."""
    H, W = t.shape[:2]
    cy, cx = np.meshgrid(np.arange(H), np.arange(W), indexing="ij")
    s = 1 / (1 + np.exp(-t))
    boxes = np.stack([(s[..., 0] + cx[:, :, None]) * stride, (s[..., 1] + cy[:, :, None]) * stride,
                      anchors[:, 0] * np.exp(t[..., 2]), anchors[:, 1] * np.exp(t[..., 3])], axis=-1)
    return boxes, s[..., 4:5] * s[..., 5:]


def hard_negative_mining_ssd_pytorch(conf_loss, pos_mask, ratio=3):
    """ssd.pytorch's MultiBoxLoss: the positives' loss set to 0, num_neg = min(ratio * num_pos, P - 1), then the
    top num_neg of all boxes by loss (which includes positives when there are too few negatives)."""
    loss = np.where(pos_mask, 0.0, conf_loss)
    num_pos = pos_mask.sum(axis=1, keepdims=True)
    num_neg = np.minimum(ratio * num_pos, pos_mask.shape[1] - 1)
    rank = np.argsort(np.argsort(-loss, axis=1, kind="stable"), axis=1, kind="stable")
    return rank < num_neg


class RoIAlignHalfPixel:
    """RoI Align with aligned=True (Detectron2's default): the RoI shifted by half a cell (x - 0.5), its size not
    clamped at 1, sample points in [-1, 0] read at 0 (torchvision's roi_align)."""

    def __init__(self, out_h, out_w, sampling=2):
        self.out_h, self.out_w, self.sampling = out_h, out_w, sampling

    def _weights(self, start, length, n, size):
        s = self.sampling
        c = np.clip(start + (np.arange(n * s) + 0.5) * length / n / s, 0, size - 1)
        lo = np.floor(c).astype(int)
        hi = np.minimum(lo + 1, size - 1)
        w = np.zeros((n * s, size))
        np.add.at(w, (np.arange(n * s), lo), 1 - (c - lo))
        np.add.at(w, (np.arange(n * s), hi), c - lo)
        return w            # (n * s, size): one row of interpolation weights per sample

    def forward(self, feat, roi):
        C, H, W = feat.shape
        x1, y1, x2, y2 = np.asarray(roi, dtype=np.float64) - 0.5
        self.Ry = self._weights(y1, y2 - y1, self.out_h, H)
        self.Rx = self._weights(x1, x2 - x1, self.out_w, W)
        s = self.sampling
        samples = self.Ry @ feat @ self.Rx.T
        return samples.reshape(C, self.out_h, s, self.out_w, s).mean(axis=(2, 4))

    def backward(self, dout):
        s = self.sampling
        return self.Ry.T @ (dout.repeat(s, axis=1).repeat(s, axis=2) / (s * s)) @ self.Rx
