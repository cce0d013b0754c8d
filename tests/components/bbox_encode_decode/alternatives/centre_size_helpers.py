"""Helpers between corners and (centre, size); column blocks instead of one column at a time."""
import numpy as np


def _to_cxcywh(b):
    wh = b[:, 2:] - b[:, :2]
    return b[:, :2] + wh / 2, wh


def bbox_encode(anchors, gt):
    ca, wha = _to_cxcywh(anchors)
    cg, whg = _to_cxcywh(gt)
    return np.concatenate([(cg - ca) / wha, np.log(whg / wha)], axis=1)


def bbox_decode(anchors, deltas):
    ca, wha = _to_cxcywh(anchors)
    c = deltas[:, :2] * wha + ca
    wh = np.exp(deltas[:, 2:]) * wha
    return np.concatenate([c - wh / 2, c + wh / 2], axis=1)
