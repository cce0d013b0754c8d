"""One-hot matrices: lookups as products, gradients as transposed products (in place with [...])."""
import numpy as np


class BertEmbedding:
    def __init__(self, tok_E, seg_E, pos_E):
        self.params = [tok_E, seg_E, pos_E]
        self.grads = [np.zeros_like(tok_E), np.zeros_like(seg_E), np.zeros_like(pos_E)]
        self.cache = None

    def forward(self, ids, segments):
        tok_E, seg_E, pos_E = self.params
        T = ids.shape[1]
        A = np.eye(tok_E.shape[0])[ids]           # (N, T, V)
        B = np.eye(seg_E.shape[0])[segments]      # (N, T, 2)
        self.cache = (A, B, T)
        return A @ tok_E + B @ seg_E + pos_E[np.arange(T)]

    def backward(self, dout):
        A, B, T = self.cache
        D = dout.shape[-1]
        self.grads[0][...] = A.reshape(-1, A.shape[-1]).T @ dout.reshape(-1, D)
        self.grads[1][...] = B.reshape(-1, B.shape[-1]).T @ dout.reshape(-1, D)
        self.grads[2][...] = 0
        self.grads[2][:T] = np.einsum('ntd->td', dout)
        return None
