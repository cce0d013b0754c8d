# expect: mistake
"""The backbone fine-tuned at the head's full learning rate."""
class FineTuneSGD:
    def __init__(self, lr=0.01, frozen=(), backbone=(), backbone_scale=0.1):
        self.lr = lr
        self.frozen = frozen
        self.backbone = backbone
        self.backbone_scale = backbone_scale

    def update(self, params, grads):
        for key in params.keys():
            if key in self.frozen:
                continue
            lr = self.lr
            params[key] -= lr * grads[key]
