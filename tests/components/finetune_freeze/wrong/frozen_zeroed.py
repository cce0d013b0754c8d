# expect: values
"""Frozen parameters set to 0 instead of kept at their pretrained values."""
class FineTuneSGD:
    def __init__(self, lr=0.01, frozen=(), backbone=(), backbone_scale=0.1):
        self.lr = lr
        self.frozen = frozen
        self.backbone = backbone
        self.backbone_scale = backbone_scale

    def update(self, params, grads):
        for key in params.keys():
            if key in self.frozen:
                params[key] *= 0
                continue
            lr = self.lr * self.backbone_scale if key in self.backbone else self.lr
            params[key] -= lr * grads[key]
