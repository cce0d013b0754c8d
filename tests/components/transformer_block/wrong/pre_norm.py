# expect: values
"""Pre-LN (x + Sublayer(LN(x))), GPT-2's arrangement, where this drill follows the paper's post-LN."""
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
        n1 = self.norm1.forward(x)
        y = x + self.attention.forward(n1, n1, mask)
        out = y + self.ffn.forward(self.norm2.forward(y))
        return out

    def backward(self, dout):
        dy = dout + self.norm2.backward(self.ffn.backward(dout))
        dx_q, dx_kv = self.attention.backward(dy)
        dx = dy + self.norm1.backward(dx_q + dx_kv)

        self.grads[8][...] = self.norm1.dgamma
        self.grads[9][...] = self.norm1.dbeta
        self.grads[10][...] = self.norm2.dgamma
        self.grads[11][...] = self.norm2.dbeta
        return dx
