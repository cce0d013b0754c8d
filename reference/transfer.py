"""Transfer learning: SGD for fine-tuning a pretrained network with frozen layers and a smaller backbone rate.

A pretrained backbone's lower layers are frozen (not updated at all; PyTorch's requires_grad = False), its other
layers are fine-tuned with a learning rate scaled down by backbone_scale (they are already good: large steps would
destroy what was learned), and the newly added head learns at the full rate. params and grads are the book's
dicts of arrays, updated in place as the book's optimizers.
"""


class FineTuneSGD:
    """SGD that skips frozen parameters and scales the backbone's learning rate.

    lr: the head's learning rate; frozen: keys of the parameters not updated; backbone: keys of the pretrained
    parameters fine-tuned with lr * backbone_scale. Every other key is the new head (lr).
    """
    def __init__(self, lr=0.01, frozen=(), backbone=(), backbone_scale=0.1):
        self.lr = lr
        self.frozen = frozen
        self.backbone = backbone
        self.backbone_scale = backbone_scale

    def update(self, params, grads):
        for key in params.keys():
            if key in self.frozen:
                continue
            if key in self.backbone:
                lr = self.lr * self.backbone_scale
            else:
                lr = self.lr
            params[key] -= lr * grads[key]
