"""A multiplier per key: 0 for frozen keys (p -= 0 * g leaves p unchanged), backbone_scale for the backbone."""


class FineTuneSGD:
    def __init__(self, lr=0.01, frozen=(), backbone=(), backbone_scale=0.1):
        self.lr = lr
        self.frozen = list(frozen)
        self.backbone = list(backbone)
        self.backbone_scale = backbone_scale

    def update(self, params, grads):
        for key in params:
            mult = 0.0 if key in self.frozen else (self.backbone_scale if key in self.backbone else 1.0)
            params[key] -= mult * self.lr * grads[key]
