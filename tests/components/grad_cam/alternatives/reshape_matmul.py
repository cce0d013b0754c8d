"""Feature maps flattened to (C, H*W) and a matrix product."""
import numpy as np


def cam(feat, W_fc, c):
    C, H, W = feat.shape
    return (W_fc[c:c + 1] @ feat.reshape(C, H * W)).reshape(H, W)


def grad_cam(A, dYc_dA):
    C, H, W = A.shape
    alpha = dYc_dA.reshape(C, H * W).mean(axis=1)
    return np.maximum((alpha @ A.reshape(C, H * W)).reshape(H, W), 0)
