# expect: values
"""The unigram distribution is not raised to the power 0.75."""
import numpy as np
from reference.embedding import EmbeddingDot, SigmoidWithLoss


class UnigramSampler:
    """Draws negative examples from the unigram distribution raised to `power` (0.75 in word2vec).

    corpus: (length,) word ids, every id 0..V−1 occurring. get_negative_sample(target: (N,)) returns
    (N, sample_size) ids drawn without replacement with np.random.choice, never the row's target.
    """

    def __init__(self, corpus, power, sample_size):
        self.sample_size = sample_size
        counts = np.bincount(corpus)
        self.vocab_size = len(counts)

        self.word_p = counts.astype(np.float64)
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
