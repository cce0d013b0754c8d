# expect: values
"""backward goes through AttentionWeight with dout before WeightSum."""
import numpy as np
from reference.attention import AttentionWeight, WeightSum


class Attention:
    """AttentionWeight then WeightSum. hs: (N, T, H), h: (N, H) -> context c: (N, H).

    hs reaches the output twice (in the weights and in the sum), so backward adds both gradients:
    backward(dc) returns (dhs, dh). The last weights are kept in self.attention_weight.
    """

    def __init__(self):
        self.params, self.grads = [], []
        self.attention_weight_layer = AttentionWeight()
        self.weight_sum_layer = WeightSum()
        self.attention_weight = None

    def forward(self, hs, h):
        a = self.attention_weight_layer.forward(hs, h)
        out = self.weight_sum_layer.forward(hs, a)
        self.attention_weight = a
        return out

    def backward(self, dout):
        dhs1, dh = self.attention_weight_layer.backward(dout.sum(axis=1, keepdims=True) * np.ones(self.attention_weight.shape))
        dhs0, da = self.weight_sum_layer.backward(dout)
        dhs = dhs0 + dhs1
        return dhs, dh
