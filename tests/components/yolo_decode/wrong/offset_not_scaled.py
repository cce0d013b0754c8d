# expect: values
"""The centre in grid cells: the stride applied to the cell index but not to the sigmoid offset."""
import numpy as np

from reference.functions import sigmoid, softmax


def yolo_decode(t, anchors, stride):
    H, W = t.shape[:2]
    cy, cx = np.meshgrid(np.arange(H), np.arange(W), indexing="ij")     # (H, W): the row and column of each cell
    bx = sigmoid(t[..., 0]) + cx[:, :, None] * stride
    by = sigmoid(t[..., 1]) + cy[:, :, None] * stride
    bw = anchors[:, 0] * np.exp(t[..., 2])
    bh = anchors[:, 1] * np.exp(t[..., 3])
    scores = sigmoid(t[..., 4:5]) * softmax(t[..., 5:])
    return np.stack([bx, by, bw, bh], axis=-1), scores