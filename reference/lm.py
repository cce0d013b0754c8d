"""Language-model pieces of GPT and BERT in NumPy (not in ゼロから作るDeep Learning ❷; the papers' definitions).

Token ids: (N, T) integer arrays over a vocabulary of V words; logits (N, T, V) or (V,).
Randomness is passed in (uniform numbers in [0, 1)), so a drill is deterministic and every correct
formulation draws the same result.
"""
import numpy as np

from reference.functions import softmax


class CausalLMLoss:
    """Next-token prediction loss: the logits at step t predict the token at step t + 1.

    logits: (N, T, V), ids: (N, T) -> the mean cross entropy of softmax(logits[:, :-1]) against ids[:, 1:]
    over the N·(T − 1) predictions. backward(dout=1) returns dlogits: (N, T, V), zero at the last step.
    """

    def __init__(self):
        self.params, self.grads = [], []
        self.cache = None

    def forward(self, logits, ids):
        N, T, V = logits.shape
        x = logits[:, :-1].reshape(N * (T - 1), V)
        t = ids[:, 1:].reshape(N * (T - 1))

        y = softmax(x)
        loss = -np.mean(np.log(y[np.arange(N * (T - 1)), t]))

        self.cache = (y, t, (N, T, V))
        return loss

    def backward(self, dout=1):
        y, t, (N, T, V) = self.cache
        dx = y.copy()
        dx[np.arange(len(t)), t] -= 1
        dx *= dout / len(t)

        dlogits = np.zeros((N, T, V), dtype=dx.dtype)
        dlogits[:, :-1] = dx.reshape(N, T - 1, V)
        return dlogits


def sampling_probs(logits, temperature=1.0, top_k=None):
    """Next-token probabilities (V,) from logits (V,): keep the top_k largest logits (all if None), softmax(logits / T).

    A temperature below 1 sharpens the distribution, above 1 flattens it; the other words get probability 0.
    """
    logits = logits / temperature
    if top_k is not None:
        kth = np.sort(logits)[-top_k]
        logits = np.where(logits < kth, -np.inf, logits)
    return softmax(logits)


def sample_next(p, u):
    """Draw a word id from probabilities p: (V,) with the uniform number u in [0, 1) (inverse CDF).

    Returns the first id whose cumulative probability exceeds u.
    """
    return int(np.searchsorted(np.cumsum(p), u, side='right'))


def beam_search(log_P, bos, beam_width, length):
    """Beam search over a first-order model: log_P[a, b] = log p(next = b | previous = a), (V, V).

    Starting from [bos], extends every kept sequence by every word, keeps the beam_width highest total
    log-probabilities, `length` times. Returns (seqs: (beam_width, length + 1) ids, scores: (beam_width,)),
    best first.
    """
    V = log_P.shape[0]
    seqs = np.array([[bos]])
    scores = np.zeros(1)
    for _ in range(length):
        total = scores[:, np.newaxis] + log_P[seqs[:, -1]]
        best = np.argsort(total.ravel())[::-1][:beam_width]
        beam, word = best // V, best % V
        seqs = np.concatenate([seqs[beam], word[:, np.newaxis]], axis=1)
        scores = total.ravel()[best]
    return seqs, scores


def mlm_mask(ids, mask_id, random_ids, u_select, u_action, p=0.15):
    """BERT's masked-LM corruption with the randomness passed in.

    ids: (N, T) tokens; u_select, u_action: (N, T) uniform numbers; random_ids: (N, T) random tokens.
    A token is selected where u_select < p (15 %); of those 80 % (u_action < 0.8) become mask_id, 10 %
    (0.8 <= u_action < 0.9) become random_ids, 10 % stay. Returns (inputs, labels): labels are the original
    ids at the selected positions and -1 (ignored by the loss) elsewhere.
    """
    selected = u_select < p
    inputs = ids.copy()
    inputs[selected & (u_action < 0.8)] = mask_id
    replace = selected & (u_action >= 0.8) & (u_action < 0.9)
    inputs[replace] = random_ids[replace]
    labels = np.where(selected, ids, -1)
    return inputs, labels


class BertEmbedding:
    """BERT's input: token + segment + position embeddings, summed.

    tok_E: (V, D), seg_E: (2, D), pos_E: (T_max, D). ids, segments: (N, T) -> (N, T, D).
    backward(dout) adds dout into the rows each id used (np.add.at: ids repeat) and returns None.
    """

    def __init__(self, tok_E, seg_E, pos_E):
        self.params = [tok_E, seg_E, pos_E]
        self.grads = [np.zeros_like(tok_E), np.zeros_like(seg_E), np.zeros_like(pos_E)]
        self.cache = None

    def forward(self, ids, segments):
        tok_E, seg_E, pos_E = self.params
        T = ids.shape[1]
        out = tok_E[ids] + seg_E[segments] + pos_E[:T]
        self.cache = (ids, segments)
        return out

    def backward(self, dout):
        ids, segments = self.cache
        dtok, dseg, dpos = self.grads
        D = dout.shape[-1]
        T = ids.shape[1]
        dtok[...] = 0
        dseg[...] = 0
        dpos[...] = 0
        np.add.at(dtok, ids.reshape(-1), dout.reshape(-1, D))
        np.add.at(dseg, segments.reshape(-1), dout.reshape(-1, D))
        dpos[:T] = dout.sum(axis=0)
        return None


def perplexity(p):
    """Perplexity of a language model on a text: exp of the mean cross entropy (❷'s eval_perplexity).

    p: (n,) the probabilities the model gave to each actual next token -> a float >= 1.
    Its base does not matter (2 ** mean(-log2 p) is the same number); 1 for a perfect model, V for a uniform guess
    over V words.
    """
    total_loss = -np.sum(np.log(p))
    n = len(p)
    return np.exp(total_loss / n)
