"""word2vec's layers as in ゼロから作るDeep Learning ❷ (common/layers.py, ch04/negative_sampling_layer.py).

Every layer holds `self.params` and `self.grads`, two lists of arrays in the same order;
backward writes the gradients into the arrays of `self.grads` in place (`grads[0][...] = dW`).
Word ids index the rows of an embedding matrix W: (V, D) (V words, D dimensions).
"""
import numpy as np

from reference.functions import cross_entropy_error


class MatMul:
    """out = x·W without a bias. W: (D, H). x: (N, D) -> out: (N, H); backward returns dx: (N, D)."""

    def __init__(self, W):
        self.params = [W]
        self.grads = [np.zeros_like(W)]
        self.x = None

    def forward(self, x):
        W, = self.params
        out = np.dot(x, W)
        self.x = x
        return out

    def backward(self, dout):
        W, = self.params
        dx = np.dot(dout, W.T)
        dW = np.dot(self.x.T, dout)
        self.grads[0][...] = dW
        return dx


class SigmoidWithLoss:
    """Sigmoid and binary cross entropy, averaged over the batch.

    x: (N,) scores, t: (N,) labels 0 or 1 -> loss (scalar). backward(dout=1) returns dx = (y − t)·dout / N.
    The loss is the book's cross_entropy_error over the two columns [1 − y, y] (with its 1e-7 guard).
    """

    def __init__(self):
        self.params, self.grads = [], []
        self.loss = None
        self.y = None
        self.t = None

    def forward(self, x, t):
        self.t = t
        self.y = 1 / (1 + np.exp(-x))

        self.loss = cross_entropy_error(np.c_[1 - self.y, self.y], self.t)

        return self.loss

    def backward(self, dout=1):
        batch_size = self.t.shape[0]

        dx = (self.y - self.t) * dout / batch_size
        return dx


class Embedding:
    """Row lookup out = W[idx]. W: (V, D), idx: (N,) word ids -> out: (N, D).

    backward(dout) adds each row of dout into the row of dW its word id selected; an id that occurs
    twice receives the sum of both rows (np.add.at, not dW[idx] = dout). It returns None.
    """

    def __init__(self, W):
        self.params = [W]
        self.grads = [np.zeros_like(W)]
        self.idx = None

    def forward(self, idx):
        W, = self.params
        self.idx = idx
        out = W[idx]
        return out

    def backward(self, dout):
        dW, = self.grads
        dW[...] = 0
        np.add.at(dW, self.idx, dout)
        return None


class EmbeddingDot:
    """Score of word idx for hidden vectors h: out[n] = W[idx[n]] · h[n].

    W: (V, H), h: (N, H), idx: (N,) -> out: (N,). backward(dout) returns dh: (N, H).
    """

    def __init__(self, W):
        self.embed = Embedding(W)
        self.params = self.embed.params
        self.grads = self.embed.grads
        self.cache = None

    def forward(self, h, idx):
        target_W = self.embed.forward(idx)
        out = np.sum(target_W * h, axis=1)

        self.cache = (h, target_W)
        return out

    def backward(self, dout):
        h, target_W = self.cache
        dout = dout.reshape(dout.shape[0], 1)

        dtarget_W = dout * h
        self.embed.backward(dtarget_W)
        dh = dout * target_W
        return dh


class UnigramSampler:
    """Draws negative examples from the unigram distribution raised to `power` (0.75 in word2vec).

    corpus: (length,) word ids, every id 0..V−1 occurring. get_negative_sample(target: (N,)) returns
    (N, sample_size) ids drawn without replacement with np.random.choice, never the row's target.
    """

    def __init__(self, corpus, power, sample_size):
        self.sample_size = sample_size
        counts = np.bincount(corpus)
        self.vocab_size = len(counts)

        self.word_p = np.power(counts.astype(np.float64), power)
        self.word_p /= np.sum(self.word_p)

    def get_negative_sample(self, target):
        batch_size = target.shape[0]

        negative_sample = np.zeros((batch_size, self.sample_size), dtype=np.int32)

        for i in range(batch_size):
            p = self.word_p.copy()
            target_idx = target[i]
            p[target_idx] = 0
            p /= p.sum()
            negative_sample[i, :] = np.random.choice(self.vocab_size, size=self.sample_size, replace=False, p=p)

        return negative_sample


class NegativeSamplingLoss:
    """word2vec's loss with negative sampling: one positive (label 1) and sample_size negatives (label 0).

    W: (V, H) output embeddings, corpus: word ids for the sampler. h: (N, H), target: (N,) -> loss (scalar):
    the sum of the positive's and every negative's sigmoid cross entropy (each averaged over the batch).
    backward(dout=1) returns dh: (N, H); grads holds one gradient of W per EmbeddingDot (they share W).
    """

    def __init__(self, W, corpus, power=0.75, sample_size=5):
        self.sample_size = sample_size
        self.sampler = UnigramSampler(corpus, power, sample_size)
        self.loss_layers = [SigmoidWithLoss() for _ in range(sample_size + 1)]
        self.embed_dot_layers = [EmbeddingDot(W) for _ in range(sample_size + 1)]

        self.params, self.grads = [], []
        for layer in self.embed_dot_layers:
            self.params += layer.params
            self.grads += layer.grads

    def forward(self, h, target):
        batch_size = target.shape[0]
        negative_sample = self.sampler.get_negative_sample(target)

        # the positive example
        score = self.embed_dot_layers[0].forward(h, target)
        correct_label = np.ones(batch_size, dtype=np.int32)
        loss = self.loss_layers[0].forward(score, correct_label)

        # the negative examples
        negative_label = np.zeros(batch_size, dtype=np.int32)
        for i in range(self.sample_size):
            negative_target = negative_sample[:, i]
            score = self.embed_dot_layers[1 + i].forward(h, negative_target)
            loss += self.loss_layers[1 + i].forward(score, negative_label)

        return loss

    def backward(self, dout=1):
        dh = 0
        for l0, l1 in zip(self.loss_layers, self.embed_dot_layers):
            dscore = l0.backward(dout)
            dh += l1.backward(dscore)

        return dh
