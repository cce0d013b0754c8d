"""Correctness of reference/lm.py (GPT / BERT pieces) and the additions to reference/nlp.py (LSI, n-gram, RAG).

CausalLMLoss against F.cross_entropy on the shifted logits (float64, 1e-10, with its gradient); sampling against
torch.topk / softmax and the inverse-CDF draw against a direct count; beam search against exhaustive search (beam
as wide as all sequences) and against a greedy search (beam 1); BERT masking against per-position rules; BERT's
input embeddings against autograd; LSI against the SVD's defining property; n-grams against a Python dict count;
RAG retrieval against sklearn-free cosine similarities sorted in Python; perplexity against exp(F.cross_entropy) and
the uniform guess (V).
"""
import itertools
from collections import Counter

import numpy as np
import pytest
from gradcheck import close

from reference.lm import BertEmbedding, CausalLMLoss, beam_search, mlm_mask, perplexity, sample_next, sampling_probs
from reference.nlp import lsi, ngram_lm, rag_retrieve


@pytest.fixture
def torch():
    return pytest.importorskip("torch")


@pytest.mark.torch
@pytest.mark.parametrize("N, T, V", [(1, 2, 3), (2, 5, 4), (3, 4, 7)])
def test_causal_lm_loss_vs_torch(torch, N, T, V):
    rng = np.random.default_rng(N * T * V)
    logits, ids = rng.standard_normal((N, T, V)) * 2, rng.integers(0, V, (N, T))
    layer = CausalLMLoss()
    loss = layer.forward(logits, ids)
    d = layer.backward(0.7)
    tl = torch.tensor(logits, requires_grad=True)
    t_loss = torch.nn.functional.cross_entropy(tl[:, :-1].reshape(-1, V), torch.tensor(ids[:, 1:].reshape(-1)))
    (t_loss * 0.7).backward()
    close(loss, t_loss.item())
    close(d, tl.grad.numpy())
    assert np.all(d[:, -1] == 0)


@pytest.mark.torch
@pytest.mark.parametrize("temperature, top_k", [(1.0, None), (0.5, 3), (2.0, 1), (0.8, 6)])
def test_sampling_probs_vs_torch(torch, temperature, top_k):
    logits = np.random.default_rng(int(temperature * 10)).standard_normal(6) * 2
    p = sampling_probs(logits, temperature, top_k)
    t = torch.tensor(logits) / temperature
    if top_k is not None:
        v, i = torch.topk(t, top_k)
        t = torch.full_like(t, -float("inf")).scatter(0, i, v)
    close(p, torch.softmax(t, dim=0).numpy())


def test_sample_next_inverse_cdf():
    p = np.array([0.1, 0.0, 0.6, 0.3])
    assert [sample_next(p, u) for u in (0.0, 0.05, 0.1, 0.5, 0.69, 0.7, 0.99)] == [0, 0, 2, 2, 2, 3, 3]
    u = np.random.default_rng(0).random(20000)
    freq = np.bincount([sample_next(p, x) for x in u], minlength=4) / len(u)
    assert np.max(np.abs(freq - p)) < 0.01


def _all_sequences(log_P, bos, length):
    V = log_P.shape[0]
    out = []
    for rest in itertools.product(range(V), repeat=length):
        seq = (bos,) + rest
        out.append((sum(log_P[a, b] for a, b in zip(seq, seq[1:])), seq))
    return sorted(out, reverse=True)


@pytest.mark.parametrize("V, length", [(3, 2), (4, 3), (2, 4)])
def test_beam_search_exhaustive_and_greedy(V, length):
    rng = np.random.default_rng(V * length)
    log_P = np.log(rng.dirichlet(np.ones(V), size=V))
    every = _all_sequences(log_P, 0, length)
    seqs, scores = beam_search(log_P, 0, V ** length, length)
    # sequences with the same transitions in another order tie: compare scores in order, sequences as a set
    assert {tuple(int(w) for w in s) for s in seqs} == {s for _, s in every}
    close(scores, [sc for sc, _ in every])
    close([sum(log_P[a, b] for a, b in zip(s, s[1:])) for s in seqs], scores)
    seqs, scores = beam_search(log_P, 0, 1, length)
    greedy = [0]
    for _ in range(length):
        greedy.append(int(np.argmax(log_P[greedy[-1]])))
    assert list(seqs[0]) == greedy


def test_mlm_mask_rules():
    rng = np.random.default_rng(1)
    ids = rng.integers(5, 50, (4, 30))
    random_ids = rng.integers(5, 50, (4, 30))
    u_select, u_action = rng.random((4, 30)), rng.random((4, 30))
    inputs, labels = mlm_mask(ids, 3, random_ids, u_select, u_action)
    for (n, t) in np.ndindex(ids.shape):
        if u_select[n, t] >= 0.15:
            assert inputs[n, t] == ids[n, t] and labels[n, t] == -1
        else:
            assert labels[n, t] == ids[n, t]
            want = 3 if u_action[n, t] < 0.8 else random_ids[n, t] if u_action[n, t] < 0.9 else ids[n, t]
            assert inputs[n, t] == want
    assert np.all(ids >= 5)  # the input was not modified in place
    big = mlm_mask(np.ones((200, 200), dtype=int) * 7, 3, np.zeros((200, 200), dtype=int),
                   *np.random.default_rng(2).random((2, 200, 200)))[0]
    sel = big != 7
    assert abs(np.mean(big == 3) - 0.12) < 0.01 and abs(np.mean(big == 0) - 0.015) < 0.005 and sel.any()


@pytest.mark.torch
@pytest.mark.parametrize("N, T, V, D", [(1, 3, 4, 2), (2, 5, 6, 3)])
def test_bert_embedding_vs_torch(torch, N, T, V, D):
    rng = np.random.default_rng(N * T)
    tok, seg, pos = rng.standard_normal((V, D)), rng.standard_normal((2, D)), rng.standard_normal((T + 2, D))
    ids, segments = rng.integers(0, V, (N, T)), rng.integers(0, 2, (N, T))
    ids[0, 0] = ids[-1, -1]  # a repeated id
    dout = rng.standard_normal((N, T, D))
    layer = BertEmbedding(tok, seg, pos)
    out = layer.forward(ids, segments)
    assert layer.backward(dout) is None
    tt, ts, tp = (torch.tensor(a, requires_grad=True) for a in (tok, seg, pos))
    t_out = tt[torch.tensor(ids)] + ts[torch.tensor(segments)] + tp[:T]
    t_out.backward(torch.tensor(dout))
    close(out, t_out.detach().numpy())
    for mine, t in zip(layer.grads, (tt, ts, tp)):
        close(mine, t.grad.numpy())


@pytest.mark.parametrize("shape, k", [((6, 6), 2), ((7, 5), 3), ((4, 4), 1)])
def test_lsi_leading_singular_vectors(shape, k):
    M = np.random.default_rng(k).standard_normal(shape)
    U = lsi(M, k)
    assert U.shape == (shape[0], k)
    close(U.T @ U, np.eye(k))
    s = np.linalg.svd(M, compute_uv=False)
    for j in range(k):   # M Mᵀ u = σ² u for the j-th largest σ
        close(M @ M.T @ U[:, j], s[j] ** 2 * U[:, j])


@pytest.mark.parametrize("n", [1, 2, 3])
def test_ngram_lm_vs_counter(n):
    tokens = np.random.default_rng(n).integers(0, 4, 40)
    P = ngram_lm(tokens, n, 4)
    grams = Counter(tuple(tokens[i:i + n]) for i in range(len(tokens) - n + 1))
    ctx = Counter()
    for g, c in grams.items():
        ctx[g[:-1]] += c
    for idx in np.ndindex(P.shape):
        want = grams[idx] / ctx[idx[:-1]] if ctx[idx[:-1]] else 0.0
        assert abs(P[idx] - want) < 1e-12


def test_rag_retrieve_vs_python():
    rng = np.random.default_rng(3)
    docs, q = rng.standard_normal((10, 4)) * rng.uniform(0.5, 3, (10, 1)), rng.standard_normal(4)
    sims = [float(d @ q / np.sqrt(d @ d) / np.sqrt(q @ q)) for d in docs]
    want = sorted(range(10), key=lambda i: -sims[i])[:3]
    assert list(rag_retrieve(q, docs, 3)) == want


@pytest.mark.torch
def test_perplexity_is_exp_of_torchs_cross_entropy(torch):
    rng = np.random.default_rng(7)
    logits = rng.standard_normal((12, 9))
    targets = rng.integers(0, 9, 12)
    p = np.exp(logits - logits.max(axis=1, keepdims=True))
    p = (p / p.sum(axis=1, keepdims=True))[np.arange(12), targets]
    expected = torch.exp(torch.nn.functional.cross_entropy(torch.tensor(logits), torch.tensor(targets))).item()
    close(perplexity(p), expected, 1e-12)


def test_perplexity_of_a_uniform_guess_is_the_vocabulary_size_and_of_a_perfect_model_1():
    close(perplexity(np.full(7, 1 / 13)), 13.0, 1e-12)
    close(perplexity(np.ones(5)), 1.0, 1e-15)
