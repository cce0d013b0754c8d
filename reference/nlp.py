"""Count-based word vectors and corpus helpers, as in ゼロから作るDeep Learning ❷ (common/util.py, chapter 2).

A corpus is a 1-D array of word ids 0..V−1. The co-occurrence matrix counts, for every word, the
words within `window_size` to its left and right; PPMI reweights it; cosine similarity compares
two word vectors; LSI keeps the leading singular vectors.
"""
import numpy as np


def cos_similarity(x, y, eps=1e-8):
    """Cosine similarity of two vectors x, y: (D,), each normalised to length 1 first.

    eps in the denominators keeps a zero vector from dividing by 0 (its similarity is 0).
    """
    nx = x / (np.sqrt(np.sum(x ** 2)) + eps)
    ny = y / (np.sqrt(np.sum(y ** 2)) + eps)
    return np.dot(nx, ny)


def create_co_matrix(corpus, vocab_size, window_size=1):
    """Co-occurrence matrix C: (V, V) int32; C[w, c] counts c within window_size of w in the corpus."""
    corpus_size = len(corpus)
    co_matrix = np.zeros((vocab_size, vocab_size), dtype=np.int32)

    for idx, word_id in enumerate(corpus):
        for i in range(1, window_size + 1):
            left_idx = idx - i
            right_idx = idx + i

            if left_idx >= 0:
                left_word_id = corpus[left_idx]
                co_matrix[word_id, left_word_id] += 1

            if right_idx < corpus_size:
                right_word_id = corpus[right_idx]
                co_matrix[word_id, right_word_id] += 1

    return co_matrix


def ppmi(C, verbose=False, eps=1e-8):
    """Positive pointwise mutual information of a co-occurrence matrix C: (V, V) -> M: (V, V) float32.

    PMI(x, y) = log2(C[x, y]·N / (S[x]·S[y])) with N the sum of C and S its column sums (C is symmetric);
    PPMI = max(0, PMI). eps keeps log2(0) finite for pairs that never co-occur (their PPMI is 0).
    """
    M = np.zeros_like(C, dtype=np.float32)
    N = np.sum(C)
    S = np.sum(C, axis=0)
    total = C.shape[0] * C.shape[1]
    cnt = 0

    for i in range(C.shape[0]):
        for j in range(C.shape[1]):
            pmi = np.log2(C[i, j] * N / (S[j]*S[i]) + eps)
            M[i, j] = max(0, pmi)

            if verbose:
                cnt += 1
                if cnt % (total//100 + 1) == 0:
                    print('%.1f%% done' % (100*cnt/total))
    return M


def create_contexts_target(corpus, window_size=1):
    """word2vec's training pairs from a corpus: (length,) word ids.

    Returns contexts: (length − 2·window_size, 2·window_size), the words left and right of each target
    in order (−window_size … −1, 1 … window_size), and target: (length − 2·window_size,).
    """
    target = corpus[window_size:-window_size]
    contexts = []

    for idx in range(window_size, len(corpus)-window_size):
        cs = []
        for t in range(-window_size, window_size + 1):
            if t == 0:
                continue
            cs.append(corpus[idx + t])
        contexts.append(cs)

    return np.array(contexts), np.array(target)


def lsi(M, k):
    """Latent semantic indexing: the first k left singular vectors of M: (V, C) as k-dimensional word vectors.

    U, S, V = np.linalg.svd(M) (singular values in decreasing order) -> U[:, :k]: (V, k). Each column's sign
    is arbitrary (u and −u are both singular vectors).
    """
    U, S, V = np.linalg.svd(M)
    return U[:, :k]


def ngram_lm(tokens, n, vocab_size):
    """Maximum-likelihood n-gram model: P[w1, ..., wn] = C(w1 ... wn) / C(w1 ... wn−1 followed by a word).

    tokens: (L,) word ids. Returns P: (V,) * n; every context seen in the corpus gives a distribution over the
    next word (its last axis sums to 1); unseen contexts give zeros.
    """
    counts = np.zeros((vocab_size,) * n)
    ngrams = np.stack([tokens[i:len(tokens) - n + 1 + i] for i in range(n)])
    np.add.at(counts, tuple(ngrams), 1)
    context = counts.sum(axis=-1, keepdims=True)
    return np.divide(counts, context, out=np.zeros_like(counts), where=context > 0)


def rag_retrieve(query, docs, k):
    """RAG's retrieval step: the k documents whose embeddings are most cosine-similar to the query.

    query: (D,), docs: (M, D) -> indices (k,), most similar first.
    """
    sim = np.dot(docs, query) / (np.linalg.norm(docs, axis=1) * np.linalg.norm(query))
    return np.argsort(-sim)[:k]
