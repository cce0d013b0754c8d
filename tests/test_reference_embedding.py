"""Correctness of reference/embedding.py and TimeEmbedding against PyTorch autograd (float64, to 1e-10).

Repeated word ids are in every embedding case: their gradient rows must add up (np.add.at), as torch's do.
The negative-sampling loss is recomputed in torch from the same negative samples (same np.random seed).
"""
import numpy as np
import pytest
from gradcheck import close, num_grad, rel_err

from reference.embedding import (Embedding, EmbeddingDot, MatMul, NegativeSamplingLoss, SigmoidWithLoss,
                                 UnigramSampler)
from reference.time_layers import TimeEmbedding


@pytest.fixture
def torch():
    return pytest.importorskip("torch")


def tensors(torch, *arrays):
    return [torch.tensor(a, requires_grad=True) for a in arrays]


@pytest.mark.torch
@pytest.mark.parametrize("N, D, H", [(1, 1, 1), (3, 4, 2), (5, 2, 6)])
def test_matmul_vs_torch(torch, N, D, H):
    rng = np.random.default_rng(N + D + H)
    x, W, dout = rng.standard_normal((N, D)), rng.standard_normal((D, H)), rng.standard_normal((N, H))
    layer = MatMul(W)
    held = layer.grads[0]
    out = layer.forward(x)
    dx = layer.backward(dout)
    tx, tW = tensors(torch, x, W)
    (tx @ tW).backward(torch.tensor(dout))
    close(out, x @ W)
    close(dx, tx.grad.numpy())
    close(layer.grads[0], tW.grad.numpy())
    assert layer.grads[0] is held


@pytest.mark.torch
@pytest.mark.parametrize("N", [1, 4, 9])
def test_sigmoid_with_loss_vs_torch(torch, N):
    rng = np.random.default_rng(N)
    x, t = rng.standard_normal(N) * 2, rng.integers(0, 2, N)
    layer = SigmoidWithLoss()
    loss = layer.forward(x, t)
    dx = layer.backward(1.7)
    tx, = tensors(torch, x)
    t_loss = torch.nn.functional.binary_cross_entropy_with_logits(tx, torch.tensor(t, dtype=torch.float64))
    (t_loss * 1.7).backward()
    # the book's loss adds 1e-7 inside the log; its gradient is the exact (y - t) / N
    assert abs(loss - t_loss.item()) < 1e-6 * max(1.0, t_loss.item())
    close(dx, tx.grad.numpy())


@pytest.mark.torch
@pytest.mark.parametrize("idx", [[0, 2, 2, 1, 2], [3], [1, 1, 1, 1], [4, 0, 3, 1, 2]])
def test_embedding_vs_torch_with_repeated_ids(torch, idx):
    rng = np.random.default_rng(len(idx))
    idx = np.array(idx)
    W, dout = rng.standard_normal((5, 3)), rng.standard_normal((len(idx), 3))
    layer = Embedding(W)
    held = layer.grads[0]
    out = layer.forward(idx)
    assert layer.backward(dout) is None
    tW, = tensors(torch, W)
    torch.nn.functional.embedding(torch.tensor(idx), tW).backward(torch.tensor(dout))
    close(out, W[idx])
    close(layer.grads[0], tW.grad.numpy())
    assert layer.grads[0] is held
    # a second backward starts from zero again
    layer.forward(idx[:1])
    layer.backward(dout[:1])
    expected = np.zeros_like(W)
    expected[idx[0]] = dout[0]
    close(layer.grads[0], expected)


@pytest.mark.torch
@pytest.mark.parametrize("N, V, H", [(1, 3, 2), (4, 5, 3), (6, 3, 4)])
def test_embedding_dot_vs_torch(torch, N, V, H):
    rng = np.random.default_rng(N * V * H)
    W, h = rng.standard_normal((V, H)), rng.standard_normal((N, H))
    idx = rng.integers(0, V, N)
    idx[-1] = idx[0]  # a repeated id
    dout = rng.standard_normal(N)
    layer = EmbeddingDot(W)
    out = layer.forward(h, idx)
    dh = layer.backward(dout)
    tW, th = tensors(torch, W, h)
    (tW[torch.tensor(idx)] * th).sum(dim=1).backward(torch.tensor(dout))
    close(out, np.sum(W[idx] * h, axis=1))
    close(dh, th.grad.numpy())
    close(layer.grads[0], tW.grad.numpy())


def test_unigram_sampler_distribution_and_exclusion():
    corpus = np.array([0, 1, 2, 3, 3, 3, 3, 1, 0, 2, 3, 3, 4, 4])
    sampler = UnigramSampler(corpus, 0.75, 2)
    counts = np.bincount(corpus).astype(float)
    close(sampler.word_p, counts ** 0.75 / np.sum(counts ** 0.75))
    np.random.seed(0)
    target = np.array([3] * 4000)
    neg = sampler.get_negative_sample(target)
    assert neg.shape == (4000, 2)
    assert not np.any(neg == 3)                # never the target
    assert np.all(neg[:, 0] != neg[:, 1])      # without replacement within a row
    # first draws follow p with the target's probability removed and renormalised
    p = sampler.word_p.copy()
    p[3] = 0
    p /= p.sum()
    freq = np.bincount(neg[:, 0], minlength=5) / 4000
    assert np.max(np.abs(freq - p)) < 5 * np.sqrt(0.25 / 4000)


@pytest.mark.torch
@pytest.mark.parametrize("N, V, H, k", [(3, 6, 4, 2), (5, 8, 3, 5), (1, 4, 2, 1)])
def test_negative_sampling_loss_vs_torch(torch, N, V, H, k):
    rng = np.random.default_rng(N + V + H + k)
    corpus = np.concatenate([np.arange(V), rng.integers(0, V, 30)])
    W, h = rng.standard_normal((V, H)), rng.standard_normal((N, H))
    target = rng.integers(0, V, N)
    layer = NegativeSamplingLoss(W, corpus, power=0.75, sample_size=k)
    np.random.seed(5)
    loss = layer.forward(h, target)
    dh = layer.backward(1.0)
    np.random.seed(5)
    neg = UnigramSampler(corpus, 0.75, k).get_negative_sample(target)

    tW, th = tensors(torch, W, h)
    bce = torch.nn.functional.binary_cross_entropy_with_logits
    t_loss = bce((tW[torch.tensor(target)] * th).sum(1), torch.ones(N, dtype=torch.float64))
    for i in range(k):
        score = (tW[torch.tensor(neg[:, i])] * th).sum(1)
        t_loss = t_loss + bce(score, torch.zeros(N, dtype=torch.float64))
    t_loss.backward()
    assert abs(loss - t_loss.item()) < 1e-6 * (k + 1)
    close(dh, th.grad.numpy())
    close(sum(layer.grads), tW.grad.numpy())  # every EmbeddingDot's share of W's gradient
    assert len(layer.params) == k + 1 and all(p is W for p in layer.params)


@pytest.mark.torch
@pytest.mark.parametrize("N, T, V, D", [(1, 1, 3, 2), (2, 4, 5, 3), (3, 5, 3, 4)])
def test_time_embedding_vs_torch(torch, N, T, V, D):
    rng = np.random.default_rng(N * T * V * D)
    W, dout = rng.standard_normal((V, D)), rng.standard_normal((N, T, D))
    xs = rng.integers(0, V, (N, T))
    layer = TimeEmbedding(W)
    out = layer.forward(xs)
    assert out.dtype == np.float32  # the book's dtype='f' buffer
    assert layer.backward(dout) is None
    tW, = tensors(torch, W)
    torch.nn.functional.embedding(torch.tensor(xs), tW).backward(torch.tensor(dout))
    assert rel_err(out, W[xs]) < 1e-6
    close(layer.grads[0], tW.grad.numpy())


def test_embedding_numerical_gradient():
    rng = np.random.default_rng(3)
    W, dout = rng.standard_normal((4, 3)), rng.standard_normal((6, 3))
    idx = np.array([1, 3, 1, 0, 1, 3])
    layer = Embedding(W)
    layer.forward(idx)
    layer.backward(dout)
    dW = layer.grads[0].copy()
    assert rel_err(num_grad(lambda: np.sum(layer.forward(idx) * dout), W), dW) < 1e-7


# --------------------------------------------------------------------------- the simple word2vec models

from reference.word2vec import SimpleCBOW, SimpleSkipGram  # noqa: E402


def _one_hot_batch(rng, N, V):
    contexts = np.eye(V)[rng.integers(0, V, (N, 2))]
    target = np.eye(V)[rng.integers(0, V, N)]
    return contexts, target


@pytest.mark.torch
@pytest.mark.parametrize("model", ["cbow", "skip_gram"])
@pytest.mark.parametrize("N, V, H", [(1, 4, 2), (5, 7, 3)])
def test_simple_word2vec_vs_torch(torch, model, N, V, H):
    rng = np.random.default_rng(N * V * H)
    contexts, target = _one_hot_batch(rng, N, V)
    np.random.seed(N)
    net = SimpleCBOW(V, H) if model == "cbow" else SimpleSkipGram(V, H)
    W_in, W_out = net.params[0].astype(np.float64), net.params[-1].astype(np.float64)
    loss = net.forward(contexts, target)
    assert net.backward() is None
    F = torch.nn.functional
    tin, tout = tensors(torch, W_in, W_out)
    c = torch.tensor(contexts)
    t_lab = torch.tensor(target.argmax(axis=1))
    if model == "cbow":
        t_loss = F.cross_entropy((c[:, 0] @ tin + c[:, 1] @ tin) * 0.5 @ tout, t_lab)
        g_in = net.grads[0] + net.grads[1]
    else:
        s = torch.tensor(target) @ tin @ tout
        t_loss = F.cross_entropy(s, torch.tensor(contexts[:, 0].argmax(1))) + \
            F.cross_entropy(s, torch.tensor(contexts[:, 1].argmax(1)))
        g_in = net.grads[0]
    t_loss.backward()
    # float32 weights; the 1e-7 guard in the book's cross entropy
    assert abs(loss - t_loss.item()) < 1e-5
    assert rel_err(g_in, tin.grad.numpy()) < 1e-5
    assert rel_err(net.grads[-1], tout.grad.numpy()) < 1e-5
