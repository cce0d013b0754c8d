"""Correctness of reference/attention.py (the book's seq2seq attention) against PyTorch autograd, float64, 1e-10.

Every layer's forward and every returned gradient (dhs and dh, da, dhs_enc and dhs_dec). The attention weights
are also checked against F.scaled_dot_product_attention with one query and scale 1 (the book does not scale).
"""
import numpy as np
import pytest
from gradcheck import close

from reference.attention import Attention, AttentionWeight, Softmax, TimeAttention, WeightSum

SHAPES = [(1, 1, 1), (2, 3, 4), (3, 5, 2), (1, 4, 3)]  # N, T, H


@pytest.fixture
def torch():
    return pytest.importorskip("torch")


def tensors(torch, *arrays):
    return [torch.tensor(a, requires_grad=True) for a in arrays]


@pytest.mark.torch
@pytest.mark.parametrize("N, T, H", SHAPES)
def test_weight_sum_vs_torch(torch, N, T, H):
    rng = np.random.default_rng(N * T * H)
    hs, a, dc = rng.standard_normal((N, T, H)), rng.random((N, T)), rng.standard_normal((N, H))
    layer = WeightSum()
    c = layer.forward(hs, a)
    dhs, da = layer.backward(dc)
    ths, ta = tensors(torch, hs, a)
    t_c = (ths * ta[:, :, None]).sum(dim=1)
    t_c.backward(torch.tensor(dc))
    close(c, t_c.detach().numpy())
    close(dhs, ths.grad.numpy())
    close(da, ta.grad.numpy())


@pytest.mark.torch
@pytest.mark.parametrize("N, T, H", SHAPES)
def test_attention_weight_vs_torch(torch, N, T, H):
    rng = np.random.default_rng(N * T * H + 1)
    hs, h, da = rng.standard_normal((N, T, H)), rng.standard_normal((N, H)), rng.standard_normal((N, T))
    layer = AttentionWeight()
    a = layer.forward(hs, h)
    dhs, dh = layer.backward(da)
    ths, th = tensors(torch, hs, h)
    t_a = torch.softmax((ths * th[:, None, :]).sum(dim=2), dim=1)
    t_a.backward(torch.tensor(da))
    close(a, t_a.detach().numpy())
    close(dhs, ths.grad.numpy())
    close(dh, th.grad.numpy())


@pytest.mark.torch
@pytest.mark.parametrize("N, T, H", SHAPES)
def test_attention_vs_torch_sdpa(torch, N, T, H):
    rng = np.random.default_rng(N * T * H + 2)
    hs, h, dc = rng.standard_normal((N, T, H)), rng.standard_normal((N, H)), rng.standard_normal((N, H))
    layer = Attention()
    c = layer.forward(hs, h)
    dhs, dh = layer.backward(dc)
    ths, th = tensors(torch, hs, h)
    # one query h per sequence, keys = values = hs, no 1/sqrt(H) scaling (the book's attention)
    t_c = torch.nn.functional.scaled_dot_product_attention(th[:, None, :], ths, ths, scale=1.0)[:, 0, :]
    t_c.backward(torch.tensor(dc))
    close(c, t_c.detach().numpy())
    close(dhs, ths.grad.numpy())
    close(dh, th.grad.numpy())
    close(layer.attention_weight.sum(axis=1), np.ones(N))


@pytest.mark.torch
@pytest.mark.parametrize("N, T_enc, T_dec, H", [(1, 1, 1, 2), (2, 4, 3, 3), (3, 2, 5, 4)])
def test_time_attention_vs_torch(torch, N, T_enc, T_dec, H):
    rng = np.random.default_rng(N * T_enc * T_dec * H)
    enc, dec = rng.standard_normal((N, T_enc, H)), rng.standard_normal((N, T_dec, H))
    dout = rng.standard_normal((N, T_dec, H))
    layer = TimeAttention()
    out = layer.forward(enc, dec)
    d_enc, d_dec = layer.backward(dout)
    t_enc, t_dec = tensors(torch, enc, dec)
    t_out = torch.nn.functional.scaled_dot_product_attention(t_dec, t_enc, t_enc, scale=1.0)
    t_out.backward(torch.tensor(dout))
    close(out, t_out.detach().numpy())
    close(d_enc, t_enc.grad.numpy())
    close(d_dec, t_dec.grad.numpy())
    assert len(layer.attention_weights) == T_dec


@pytest.mark.torch
def test_softmax_layer_vs_torch(torch):
    rng = np.random.default_rng(4)
    x, dout = rng.standard_normal((3, 5)) * 3, rng.standard_normal((3, 5))
    layer = Softmax()
    y = layer.forward(x)
    dx = layer.backward(dout.copy())
    tx, = tensors(torch, x)
    t_y = torch.softmax(tx, dim=1)
    t_y.backward(torch.tensor(dout))
    close(y, t_y.detach().numpy())
    close(dx, tx.grad.numpy())
