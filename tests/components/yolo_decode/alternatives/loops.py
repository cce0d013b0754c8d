"""Loops over cells and anchors with its own sigmoid and softmax."""
import numpy as np


def yolo_decode(t, anchors, stride):
    H, W, A, D = t.shape
    boxes = np.zeros((H, W, A, 4))
    scores = np.zeros((H, W, A, D - 5))
    for i in range(H):
        for j in range(W):
            for a in range(A):
                v = t[i, j, a]
                s = 1.0 / (1.0 + np.exp(-v[:5]))
                boxes[i, j, a] = [(s[0] + j) * stride, (s[1] + i) * stride,
                                  anchors[a, 0] * np.exp(v[2]), anchors[a, 1] * np.exp(v[3])]
                e = np.exp(v[5:] - v[5:].max())
                scores[i, j, a] = s[4] * e / e.sum()
    return boxes, scores
