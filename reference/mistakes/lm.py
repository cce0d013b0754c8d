"""Classic wrong answers of the language-model drills (reference/lm.py), for their `mistakes:` entries."""
import numpy as np

from reference.functions import softmax


class _ShiftedLoss:
    """Cross entropy of softmax(logits[:, a]) against ids[:, b] over the chosen steps (the mistakes' shared body)."""

    logits_steps = slice(None)
    ids_steps = slice(None)

    def __init__(self):
        self.params, self.grads = [], []
        self.cache = None

    def forward(self, logits, ids):
        N, T, V = logits.shape
        x = logits[:, self.logits_steps]
        t = ids[:, self.ids_steps].reshape(-1)
        y = softmax(x.reshape(-1, V))
        self.cache = (y, t, logits.shape)
        return -np.mean(np.log(y[np.arange(len(t)), t]))

    def backward(self, dout=1):
        y, t, shape = self.cache
        dx = y.copy()
        dx[np.arange(len(t)), t] -= 1
        dx *= dout / len(t)
        dlogits = np.zeros(shape, dtype=dx.dtype)
        dlogits[:, self.logits_steps] = dx.reshape(shape[0], -1, shape[2])
        return dlogits


class CausalLMLossNoShift(_ShiftedLoss):
    """logits[:, t] scored against ids[:, t]: every step predicts itself."""


class CausalLMLossShiftedBackwards(_ShiftedLoss):
    """logits[:, 1:] scored against ids[:, :-1]: the previous token."""

    logits_steps = slice(1, None)
    ids_steps = slice(None, -1)


def sampling_probs_times_temperature(logits, temperature=1.0, top_k=None):
    """The logits multiplied by the temperature instead of divided."""
    logits = logits * temperature
    if top_k is not None:
        kth = np.sort(logits)[-top_k]
        logits = np.where(logits < kth, -np.inf, logits)
    return softmax(logits)


def sampling_probs_top_k_after_softmax(logits, temperature=1.0, top_k=None):
    """softmax first, then the probabilities outside the top k set to 0 without renormalising."""
    p = softmax(logits / temperature)
    if top_k is not None:
        kth = np.sort(p)[-top_k]
        p = np.where(p < kth, 0.0, p)
    return p


def beam_search_last_step_only(log_P, bos, beam_width, length):
    """Candidates ranked by the last word's log-probability only; the returned scores are those too."""
    V = log_P.shape[0]
    seqs = np.array([[bos]])
    scores = np.zeros(1)
    for _ in range(length):
        total = np.zeros_like(scores)[:, np.newaxis] + log_P[seqs[:, -1]]
        best = np.argsort(total.ravel())[::-1][:beam_width]
        seqs = np.concatenate([seqs[best // V], (best % V)[:, np.newaxis]], axis=1)
        scores = total.ravel()[best]
    return seqs, scores


def beam_search_best_word_per_beam(log_P, bos, beam_width, length):
    """Every kept sequence extended by its own best word only (the first step still keeps the beam_width best)."""
    seqs, scores = beam_search_last_step_only(log_P, bos, beam_width, 1)
    scores = log_P[bos][seqs[:, -1]]
    for _ in range(length - 1):
        word = np.argmax(log_P[seqs[:, -1]], axis=1)
        scores = scores + log_P[seqs[:, -1], word]
        seqs = np.concatenate([seqs, word[:, np.newaxis]], axis=1)
        order = np.argsort(scores)[::-1]
        seqs, scores = seqs[order], scores[order]
    return seqs, scores


def mlm_mask_all_masked(ids, mask_id, random_ids, u_select, u_action, p=0.15):
    """Every selected position becomes mask_id (no random words, none kept)."""
    selected = u_select < p
    return np.where(selected, mask_id, ids), np.where(selected, ids, -1)


def mlm_mask_labels_from_inputs(ids, mask_id, random_ids, u_select, u_action, p=0.15):
    """The labels taken from the corrupted inputs instead of the original ids."""
    from reference.lm import mlm_mask
    inputs, _ = mlm_mask(ids, mask_id, random_ids, u_select, u_action, p)
    return inputs, np.where(u_select < p, inputs, -1)


class BertEmbeddingNoAddAt:
    """BertEmbedding whose token and segment gradients use dW[ids] += dout (a repeated id is added once)."""

    def __init__(self, tok_E, seg_E, pos_E):
        self.params = [tok_E, seg_E, pos_E]
        self.grads = [np.zeros_like(tok_E), np.zeros_like(seg_E), np.zeros_like(pos_E)]
        self.cache = None

    def forward(self, ids, segments):
        tok_E, seg_E, pos_E = self.params
        self.cache = (ids, segments)
        return tok_E[ids] + seg_E[segments] + pos_E[:ids.shape[1]]

    def backward(self, dout):
        ids, segments = self.cache
        dtok, dseg, dpos = self.grads
        for g in self.grads:
            g[...] = 0
        dtok[ids] += dout
        dseg[segments] += dout
        dpos[:ids.shape[1]] = dout.sum(axis=0)
        return None


def rag_retrieve_dot_product(query, docs, k):
    """Ranked by the raw dot product (no division by the documents' norms)."""
    return np.argsort(-np.dot(docs, query))[:k]


def rag_retrieve_ascending(query, docs, k):
    """np.argsort of the cosine similarities without reversing: the least similar first."""
    sim = np.dot(docs, query) / (np.linalg.norm(docs, axis=1) * np.linalg.norm(query))
    return np.argsort(sim)[:k]


def perplexity_mean_of_inverse(p):
    """The arithmetic mean of 1/p (a mean of exps) instead of the geometric mean."""
    return np.mean(1.0 / p)


def perplexity_cross_entropy_only(p):
    """The mean cross entropy, not exponentiated."""
    return -np.mean(np.log(p))
