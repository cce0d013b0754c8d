"""Loops over the batch and the steps; gradients accumulated row by row."""
import numpy as np


class BertEmbedding:
    def __init__(self, tok_E, seg_E, pos_E):
        self.params = [tok_E, seg_E, pos_E]
        self.grads = [np.zeros_like(tok_E), np.zeros_like(seg_E), np.zeros_like(pos_E)]
        self.ids = self.segments = None

    def forward(self, ids, segments):
        tok_E, seg_E, pos_E = self.params
        self.ids, self.segments = ids, segments
        N, T = ids.shape
        out = np.empty((N, T, tok_E.shape[1]), dtype=tok_E.dtype)
        for n in range(N):
            for t in range(T):
                out[n, t] = tok_E[ids[n, t]] + seg_E[segments[n, t]] + pos_E[t]
        return out

    def backward(self, dout):
        dtok, dseg, dpos = self.grads
        for g in self.grads:
            g.fill(0)
        N, T = self.ids.shape
        for n in range(N):
            for t in range(T):
                dtok[self.ids[n, t]] += dout[n, t]
                dseg[self.segments[n, t]] += dout[n, t]
                dpos[t] += dout[n, t]
