"""Semantic segmentation (FCN, U-Net): the pixel-wise softmax cross-entropy loss and the mean IoU metric.

Score maps are (N, K, H, W) with the K classes on axis 1 (channels first, as the book's images); label maps are
(N, H, W) integer class ids.
"""
import numpy as np


class PixelwiseSoftmaxWithLoss:
    """Softmax over the class axis and cross entropy at every pixel, averaged over the N * H * W pixels
    (torch.nn.functional.cross_entropy on (N, K, H, W) scores).

    forward(x, t): x (N, K, H, W) scores, t (N, H, W) labels -> a float. backward(dout=1) -> dx (N, K, H, W).
    """

    def __init__(self):
        self.y = None
        self.t = None

    def forward(self, x, t):
        x = x - np.max(x, axis=1, keepdims=True)
        log_y = x - np.log(np.sum(np.exp(x), axis=1, keepdims=True))     # log-softmax over the classes
        self.y = np.exp(log_y)
        self.t = t
        log_p = np.take_along_axis(log_y, t[:, None], axis=1)            # (N, 1, H, W): the true class's log prob
        return -np.mean(log_p)

    def backward(self, dout=1):
        dx = self.y.copy()
        n, h, w = np.indices(self.t.shape)
        dx[n, self.t, h, w] -= 1
        return dout * dx / self.t.size


def mean_iou(pred, t, num_classes):
    """Mean intersection over union of label maps (FCN's mean IU).

    pred, t: integer label maps of the same shape, values in [0, num_classes). A class absent from both is left out
    of the mean (its IoU is 0 / 0). Returns a float.
    """
    K = num_classes
    cm = np.bincount(K * t.ravel() + pred.ravel(), minlength=K * K).reshape(K, K)     # rows: true, columns: predicted
    inter = np.diag(cm)
    union = cm.sum(axis=0) + cm.sum(axis=1) - inter
    with np.errstate(invalid="ignore"):
        iou = inter / union
    return np.nanmean(iou)
