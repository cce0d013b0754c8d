# expect: not_in_place
"""params[key] = params[key] - ...: a new array, the network's layers keep the old one."""


class FineTuneSGD:
    def __init__(self, lr=0.01, frozen=(), backbone=(), backbone_scale=0.1):
        self.lr, self.frozen, self.backbone, self.backbone_scale = lr, frozen, backbone, backbone_scale

    def update(self, params, grads):
        for key in params.keys():
            if key in self.frozen:
                continue
            lr = self.lr * self.backbone_scale if key in self.backbone else self.lr
            params[key] = params[key] - lr * grads[key]
