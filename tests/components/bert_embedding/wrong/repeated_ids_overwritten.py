# expect: mistake
"""dtok[ids] += dout: a repeated id receives one gradient only."""
import numpy as np


class BertEmbedding:
    def __init__(self, tok_E, seg_E, pos_E):
        self.params = [tok_E, seg_E, pos_E]
        self.grads = [np.zeros_like(tok_E), np.zeros_like(seg_E), np.zeros_like(pos_E)]
        self.cache = None

    def forward(self, ids, segments):
        tok_E, seg_E, pos_E = self.params
        T = ids.shape[1]
        self.cache = (ids, segments)
        return tok_E[ids] + seg_E[segments] + pos_E[:T]

    def backward(self, dout):
        ids, segments = self.cache
        dtok, dseg, dpos = self.grads
        dtok[...] = 0
        dseg[...] = 0
        dpos[...] = 0
        dtok[ids] += dout
        dseg[segments] += dout
        dpos[:ids.shape[1]] = dout.sum(axis=0)
        return None
