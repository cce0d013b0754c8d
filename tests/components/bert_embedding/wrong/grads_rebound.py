# expect: grads_rebound
"""New gradient arrays assigned into the list: an optimizer holding the old ones never sees them."""
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
        D = dout.shape[-1]
        dtok = np.zeros_like(self.params[0])
        dseg = np.zeros_like(self.params[1])
        dpos = np.zeros_like(self.params[2])
        np.add.at(dtok, ids.reshape(-1), dout.reshape(-1, D))
        np.add.at(dseg, segments.reshape(-1), dout.reshape(-1, D))
        dpos[:ids.shape[1]] = dout.sum(axis=0)
        self.grads = [dtok, dseg, dpos]
        return None
