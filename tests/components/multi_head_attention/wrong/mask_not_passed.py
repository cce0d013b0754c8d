# expect: values
"""The mask not passed to the attention: padded keys get weight (right only where there is no mask)."""
import numpy as np
from reference.transformer import split_heads, merge_heads, ScaledDotProductAttention
from reference.functions import softmax


class MultiHeadAttention:
    """Multi-head attention without biases: concat_h(Attention(x_q·W_q, x_kv·W_k, x_kv·W_v))·W_o.

    W_q, W_k, W_v, W_o: (D, D); num_heads divides D. x_q: (N, T_q, D) (the queries: the decoder in cross-attention),
    x_kv: (N, T_k, D) (keys and values: the encoder's output; x_kv is x_q in self-attention), mask as in
    ScaledDotProductAttention -> out: (N, T_q, D). backward(dout) returns (dx_q, dx_kv); in self-attention the
    caller adds the two.
    """

    def __init__(self, W_q, W_k, W_v, W_o, num_heads):
        self.params = [W_q, W_k, W_v, W_o]
        self.grads = [np.zeros_like(W_q), np.zeros_like(W_k), np.zeros_like(W_v), np.zeros_like(W_o)]
        self.num_heads = num_heads
        self.attention = ScaledDotProductAttention()
        self.cache = None

    def forward(self, x_q, x_kv, mask=None):
        W_q, W_k, W_v, W_o = self.params
        Q = split_heads(np.dot(x_q, W_q), self.num_heads)
        K = split_heads(np.dot(x_kv, W_k), self.num_heads)
        V = split_heads(np.dot(x_kv, W_v), self.num_heads)

        heads = self.attention.forward(Q, K, V)
        concat = merge_heads(heads)
        out = np.dot(concat, W_o)

        self.cache = (x_q, x_kv, concat)
        return out

    def backward(self, dout):
        W_q, W_k, W_v, W_o = self.params
        x_q, x_kv, concat = self.cache
        D = W_o.shape[0]

        dW_o = np.dot(concat.reshape(-1, D).T, dout.reshape(-1, D))
        dconcat = np.dot(dout, W_o.T)
        dQ, dK, dV = self.attention.backward(split_heads(dconcat, self.num_heads))
        dQ, dK, dV = merge_heads(dQ), merge_heads(dK), merge_heads(dV)

        dW_q = np.dot(x_q.reshape(-1, D).T, dQ.reshape(-1, D))
        dW_k = np.dot(x_kv.reshape(-1, D).T, dK.reshape(-1, D))
        dW_v = np.dot(x_kv.reshape(-1, D).T, dV.reshape(-1, D))
        dx_q = np.dot(dQ, W_q.T)
        dx_kv = np.dot(dK, W_k.T) + np.dot(dV, W_v.T)

        self.grads[0][...] = dW_q
        self.grads[1][...] = dW_k
        self.grads[2][...] = dW_v
        self.grads[3][...] = dW_o
        return dx_q, dx_kv
