"""The encoder block copying the normalisations' gradients in a loop with np.copyto."""
import numpy as np
from reference.layers import LayerNormalization
from reference.transformer import MultiHeadAttention, PositionwiseFFN


class TransformerEncoderBlock:
    """One encoder layer, post-norm as in the paper (no dropout):

        y = LN1(x + MultiHeadAttention(x, x, mask)),  out = LN2(y + FFN(y)).

    x: (N, T, D) -> (N, T, D). params: the attention's [W_q, W_k, W_v, W_o], the FFN's [W1, b1, W2, b2], then
    [gamma1, beta1, gamma2, beta2]; backward(dout) returns dx and writes every gradient into self.grads.
    """

    def __init__(self, W_q, W_k, W_v, W_o, num_heads, W1, b1, W2, b2, gamma1, beta1, gamma2, beta2):
        self.attention = MultiHeadAttention(W_q, W_k, W_v, W_o, num_heads)
        self.ffn = PositionwiseFFN(W1, b1, W2, b2)
        self.norm1 = LayerNormalization(gamma1, beta1)
        self.norm2 = LayerNormalization(gamma2, beta2)
        norms = [gamma1, beta1, gamma2, beta2]
        self.params = self.attention.params + self.ffn.params + norms
        self.grads = self.attention.grads + self.ffn.grads + [np.zeros_like(p) for p in norms]

    def forward(self, x, mask=None):
        a = self.attention.forward(x, x, mask)
        y = self.norm1.forward(x + a)
        f = self.ffn.forward(y)
        out = self.norm2.forward(y + f)
        return out

    def backward(self, dout):
        ds2 = self.norm2.backward(dout)
        dy = ds2 + self.ffn.backward(ds2)
        ds1 = self.norm1.backward(dy)
        dx_q, dx_kv = self.attention.backward(ds1)
        dx = ds1 + dx_q + dx_kv

        norm_grads = (self.norm1.dgamma, self.norm1.dbeta, self.norm2.dgamma, self.norm2.dbeta)
        for mine, g in zip(self.grads[8:], norm_grads):
            np.copyto(mine, g)
        return dx
