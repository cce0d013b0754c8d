"""A per-key learning-rate table built once (frozen keys get none), the update as np.subtract(out=)."""
import numpy as np


class FineTuneSGD:
    def __init__(self, lr=0.01, frozen=(), backbone=(), backbone_scale=0.1):
        self.lr, self.frozen, self.backbone, self.scale = lr, set(frozen), set(backbone), backbone_scale

    def _rate(self, key):
        return None if key in self.frozen else self.lr * (self.scale if key in self.backbone else 1.0)

    def update(self, params, grads):
        for key, p in params.items():
            rate = self._rate(key)
            if rate is not None:
                np.subtract(p, rate * grads[key], out=p)
