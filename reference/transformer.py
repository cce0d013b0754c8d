"""Transformer parts in NumPy (Vaswani et al. 2017), in the layer style of ゼロから作るDeep Learning ❷.

The book has no Transformer; these follow the paper and the exam's NumPy (picoGPT-like) forms.
Shapes: a batch of N sequences of T tokens with d_model features, x: (N, T, D); h heads of d_k = D / h.
Layers hold `self.params` / `self.grads` lists and write gradients in place, as ❷'s layers do.

Conventions (each a choice where texts differ):
- masks are boolean, True where a query may NOT attend (a future key, a padding key), as nn.MultiheadAttention's
  masks; the masked scores are set to -1e9 *before* the softmax, so their weights are 0. A causal mask is (T, T),
  a padding mask (N, 1, 1, T) broadcasts over heads and queries;
- GELU is the tanh approximation of GPT-2 / BERT's code (NumPy has no erf);
- the encoder block is post-norm, as in the paper: LN(x + Sublayer(x)) (GPT-2's pre-norm is x + Sublayer(LN(x))).
"""
import numpy as np

from reference.functions import softmax
from reference.layers import LayerNormalization


def positional_encoding(T, d_model):
    """Sinusoidal positional encoding, (T, d_model) for an even d_model.

    PE[pos, 2i] = sin(pos / 10000^(2i / d_model)), PE[pos, 2i + 1] = cos(pos / 10000^(2i / d_model)).
    """
    pos = np.arange(T)[:, np.newaxis]
    i2 = np.arange(0, d_model, 2)
    angle = pos / np.power(10000, i2 / d_model)
    pe = np.zeros((T, d_model))
    pe[:, 0::2] = np.sin(angle)
    pe[:, 1::2] = np.cos(angle)
    return pe


def causal_mask(T):
    """Look-ahead mask (T, T), bool: True above the diagonal (the keys after each query's position)."""
    return np.triu(np.ones((T, T), dtype=bool), k=1)


def padding_mask(tokens, pad_id):
    """Padding mask (N, 1, 1, T), bool, from token ids (N, T): True at the padding keys."""
    return (tokens == pad_id)[:, np.newaxis, np.newaxis, :]


def split_heads(x, num_heads):
    """(N, T, D) -> (N, h, T, D / h): each head gets its own slice of the features."""
    N, T, D = x.shape
    return x.reshape(N, T, num_heads, D // num_heads).transpose(0, 2, 1, 3)


def merge_heads(x):
    """(N, h, T, d_k) -> (N, T, h·d_k): the inverse of split_heads (the heads' outputs side by side)."""
    N, h, T, d_k = x.shape
    return x.transpose(0, 2, 1, 3).reshape(N, T, h * d_k)


class ScaledDotProductAttention:
    """softmax(Q·Kᵀ / √d_k, with the masked scores set to -1e9)·V over the last two axes.

    Q: (..., T_q, d_k), K: (..., T_k, d_k), V: (..., T_k, d_v), mask: bool, True where a query may not attend,
    broadcast to (..., T_q, T_k)
    -> out: (..., T_q, d_v); the weights are kept in self.attn. backward(dout) returns (dQ, dK, dV).
    """

    def __init__(self):
        self.params, self.grads = [], []
        self.cache = None
        self.attn = None

    def forward(self, Q, K, V, mask=None):
        d_k = Q.shape[-1]
        scores = np.matmul(Q, K.swapaxes(-1, -2)) / np.sqrt(d_k)
        if mask is not None:
            scores = np.where(mask, -1e9, scores)
        attn = softmax(scores)
        out = np.matmul(attn, V)

        self.attn = attn
        self.cache = (Q, K, V)
        return out

    def backward(self, dout):
        Q, K, V = self.cache
        attn = self.attn
        d_k = K.shape[-1]

        dV = np.matmul(attn.swapaxes(-1, -2), dout)
        dattn = np.matmul(dout, V.swapaxes(-1, -2))
        dscores = attn * (dattn - np.sum(dattn * attn, axis=-1, keepdims=True))
        dscores = dscores / np.sqrt(d_k)
        dQ = np.matmul(dscores, K)
        dK = np.matmul(dscores.swapaxes(-1, -2), Q)
        return dQ, dK, dV


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

        heads = self.attention.forward(Q, K, V, mask)
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


def gelu(x):
    """GELU, tanh approximation: 0.5·x·(1 + tanh(√(2/π)·(x + 0.044715·x³)))."""
    return 0.5 * x * (1 + np.tanh(np.sqrt(2 / np.pi) * (x + 0.044715 * x ** 3)))


class PositionwiseFFN:
    """The same two-layer network at every position: gelu(x·W1 + b1)·W2 + b2.

    W1: (D, D_ff), b1: (D_ff,), W2: (D_ff, D), b2: (D,); x: (N, T, D) -> (N, T, D). backward returns dx.
    """

    def __init__(self, W1, b1, W2, b2):
        self.params = [W1, b1, W2, b2]
        self.grads = [np.zeros_like(W1), np.zeros_like(b1), np.zeros_like(W2), np.zeros_like(b2)]
        self.cache = None

    def forward(self, x):
        W1, b1, W2, b2 = self.params
        u = np.dot(x, W1) + b1
        a = gelu(u)
        out = np.dot(a, W2) + b2
        self.cache = (x, u, a)
        return out

    def backward(self, dout):
        W1, b1, W2, b2 = self.params
        x, u, a = self.cache
        D, D_ff = W1.shape

        dW2 = np.dot(a.reshape(-1, D_ff).T, dout.reshape(-1, D))
        db2 = dout.reshape(-1, D).sum(axis=0)
        da = np.dot(dout, W2.T)

        c = np.sqrt(2 / np.pi)
        th = np.tanh(c * (u + 0.044715 * u ** 3))
        du = da * (0.5 * (1 + th) + 0.5 * u * (1 - th ** 2) * c * (1 + 3 * 0.044715 * u ** 2))

        dW1 = np.dot(x.reshape(-1, D).T, du.reshape(-1, D_ff))
        db1 = du.reshape(-1, D_ff).sum(axis=0)
        dx = np.dot(du, W1.T)

        self.grads[0][...] = dW1
        self.grads[1][...] = db1
        self.grads[2][...] = dW2
        self.grads[3][...] = db2
        return dx


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

        self.grads[8][...] = self.norm1.dgamma
        self.grads[9][...] = self.norm1.dbeta
        self.grads[10][...] = self.norm2.dgamma
        self.grads[11][...] = self.norm2.dbeta
        return dx
