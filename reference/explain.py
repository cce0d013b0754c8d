"""Explainability (syllabus 4-9-1): class activation maps, Grad-CAM and integrated gradients.

CAM (Zhou et al., CVPR 2016) weights the last convolutional feature maps by the classifier's weights on their global
average pooling; Grad-CAM (Selvaraju et al., ICCV 2017) takes the weights from the gradients instead and keeps the
positive part; integrated gradients (Sundararajan et al., ICML 2017) averages the gradients along the straight path
from a baseline to the input. One image at a time; normalising and upsampling to the image size are display steps
left out.
"""
import numpy as np


def cam(feat, W_fc, c):
    """Class activation map of class c.

    feat: (C, H, W) feature maps of the last convolution; W_fc: (K, C) weights of the classifier applied to the
    global-average-pooled features; c: the class. Returns (H, W) = Σ_k W_fc[c, k] · feat[k].
    """
    return np.tensordot(W_fc[c], feat, axes=1)


def grad_cam(A, dYc_dA):
    """Grad-CAM map of one class.

    A: (C, H, W) feature maps; dYc_dA: (C, H, W) gradient of the class score y_c with respect to A.
    Returns (H, W): ReLU of the feature maps weighted by their spatially averaged gradients.
    """
    alpha = dYc_dA.mean(axis=(1, 2))
    cam = np.tensordot(alpha, A, axes=1)
    return np.maximum(0, cam)


def integrated_gradients(x, baseline, grad_fn, m=50):
    """Integrated gradients by the right Riemann sum over m steps.

    x, baseline: arrays of the same shape; grad_fn(x) returns the gradient of the model's output at x (x's shape).
    Returns x's shape: (x - baseline) times the average gradient at baseline + (k/m)(x - baseline), k = 1 .. m.
    """
    total_grad = np.zeros_like(x)
    for k in range(1, m + 1):
        x_k = baseline + (k / m) * (x - baseline)
        total_grad += grad_fn(x_k)
    avg_grad = total_grad / m
    return (x - baseline) * avg_grad
