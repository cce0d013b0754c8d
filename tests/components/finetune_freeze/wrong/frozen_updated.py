# expect: mistake
"""The frozen parameters are updated like the others (the freeze is ignored)."""
class FineTuneSGD:
    def __init__(self, lr=0.01, frozen=(), backbone=(), backbone_scale=0.1):
        self.lr = lr
        self.frozen = frozen
        self.backbone = backbone
        self.backbone_scale = backbone_scale

    def update(self, params, grads):
        for key in params.keys():
            lr = self.lr * self.backbone_scale if key in self.backbone else self.lr
            params[key] -= lr * grads[key]
