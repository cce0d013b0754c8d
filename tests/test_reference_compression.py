"""reference.compression against PyTorch: torch.quantize_per_tensor (quint8 / qint8), F.kl_div with log_target and
autograd for the distillation loss, and a sort-based count for magnitude pruning."""
import numpy as np
import pytest

from reference import compression as comp
from reference import compression_conventions as conv


@pytest.fixture
def torch():
    return pytest.importorskip("torch")


@pytest.mark.torch
@pytest.mark.parametrize("lo, hi", [(-1.3, 2.1), (0.0, 6.0), (-0.9, 1.1)])
def test_quantize_matches_torch_quantize_per_tensor(torch, lo, hi):
    x = (np.random.default_rng(0).normal(size=200) * 2).astype(np.float32)   # torch quantizes float32 only
    q, scale, zp = comp.quantize(x, lo, hi)
    tq = torch.quantize_per_tensor(torch.tensor(x), float(scale), int(zp), torch.quint8)
    np.testing.assert_array_equal(q, tq.int_repr().numpy())
    np.testing.assert_allclose(comp.dequantize(q, scale, zp), tq.dequantize().numpy(), rtol=1e-6, atol=1e-6)   # torch: float32
    q8, scale8, zp8 = conv.quantize_int8(x, lo, hi)
    tq8 = torch.quantize_per_tensor(torch.tensor(x), float(scale8), int(zp8), torch.qint8)
    np.testing.assert_array_equal(q8, tq8.int_repr().numpy())


def test_quantisation_error_within_half_a_step():
    x = np.random.default_rng(1).uniform(-1, 3, size=1000)
    q, scale, zp = comp.quantize(x, x.min(), x.max())
    assert q.min() == 0 and q.max() == 255 and q.dtype == np.uint8
    assert np.max(np.abs(comp.dequantize(q, scale, zp) - x)) <= scale / 2 + 1e-12
    assert comp.dequantize(np.array([zp]), scale, zp)[0] == 0.0            # the real 0 is exact


@pytest.mark.torch
@pytest.mark.parametrize("T, alpha", [(4.0, 0.9), (2.0, 0.5), (1.0, 0.3)])
def test_distillation_loss_against_kl_div_and_autograd(torch, T, alpha):
    import torch.nn.functional as F
    rng = np.random.default_rng(5)
    s, t, labels = rng.normal(size=(6, 5)) * 3, rng.normal(size=(6, 5)) * 3, rng.integers(0, 5, size=6)
    layer = comp.DistillationLoss(T, alpha)
    loss = layer.forward(s, t, labels)
    ds = layer.backward(0.8)
    ts = torch.tensor(s, requires_grad=True)
    soft = F.kl_div(F.log_softmax(ts / T, dim=1), F.log_softmax(torch.tensor(t) / T, dim=1),
                    reduction="batchmean", log_target=True)
    tl = alpha * T ** 2 * soft + (1 - alpha) * F.cross_entropy(ts, torch.tensor(labels))
    (0.8 * tl).backward()
    assert loss == pytest.approx(tl.item(), rel=1e-5)          # 1e-7 inside cross_entropy_error's log
    np.testing.assert_allclose(ds, ts.grad.numpy(), atol=1e-12)
    # Hinton's soft cross entropy: the value moves by the teacher's entropy, the gradient does not
    other = conv.DistillationLossSoftCE(T, alpha)
    p_t = np.exp(t / T) / np.exp(t / T).sum(axis=1, keepdims=True)
    h_t = -np.sum(p_t * np.log(p_t)) / len(s)
    assert other.forward(s, t, labels) == pytest.approx(loss + alpha * T ** 2 * h_t, rel=1e-10)
    np.testing.assert_allclose(other.backward(0.8), ds, atol=1e-12)


@pytest.mark.parametrize("shape, sparsity", [((4, 6), 0.5), ((10,), 0.25), ((3, 3), 0.5), ((10, 20), 0.9)])
def test_prune_against_a_sorted_count(shape, sparsity):
    W = np.random.default_rng(6).normal(size=shape)
    pruned, mask = comp.prune(W, sparsity)
    mags = sorted(abs(w) for w in W.ravel())
    pos = sparsity * (len(mags) - 1)                       # np.percentile's linear interpolation
    threshold = mags[int(pos)] + (mags[min(int(pos) + 1, len(mags) - 1)] - mags[int(pos)]) * (pos - int(pos))
    for w, m, p in zip(W.ravel(), mask.ravel(), pruned.ravel()):
        assert m == (abs(w) > threshold) and p == (w if m else 0.0)
    assert (~mask).sum() == int(pos) + 1                   # pruned count: every magnitude up to the threshold


@pytest.mark.torch
@pytest.mark.parametrize("sparsity", [0.25, 0.5, 0.9])
def test_topk_convention_matches_torch_l1_unstructured(torch, sparsity):
    from torch.nn.utils import prune as tprune
    W = np.random.default_rng(7).normal(size=(10, 12))
    layer = torch.nn.Linear(12, 10)
    with torch.no_grad():
        layer.weight.copy_(torch.tensor(W))
    tprune.l1_unstructured(layer, name="weight", amount=sparsity)
    _, mask = conv.prune_topk_count(W, sparsity)
    np.testing.assert_array_equal(mask, layer.weight_mask.numpy().astype(bool))
