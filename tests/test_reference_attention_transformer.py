"""Correctness of reference/transformer.py against PyTorch, float64, to 1e-10 (forward and every gradient).

F.scaled_dot_product_attention (boolean masks, is_causal), nn.MultiheadAttention(bias=False) with the
weights mapped (in_proj = [W_qᵀ; W_kᵀ; W_vᵀ], out_proj = W_oᵀ) for self- and cross-attention with padding and
causal masks, F.gelu(approximate='tanh'), and autograd of the post-norm encoder block written with torch ops.
"""
import numpy as np
import pytest
from gradcheck import close

from reference.transformer import (MultiHeadAttention, PositionwiseFFN, ScaledDotProductAttention,
                                   TransformerEncoderBlock, causal_mask, gelu, merge_heads, padding_mask,
                                   positional_encoding, split_heads)


@pytest.fixture
def torch():
    return pytest.importorskip("torch")


def tensors(torch, *arrays):
    return [torch.tensor(a, requires_grad=True) for a in arrays]


@pytest.mark.parametrize("T, d", [(1, 2), (5, 4), (7, 6), (4, 10)])
def test_positional_encoding_formula(T, d):
    pe = positional_encoding(T, d)
    assert pe.shape == (T, d)
    for pos in range(T):
        for k in range(d):
            angle = pos / 10000 ** ((k - k % 2) / d)
            assert abs(pe[pos, k] - (np.sin(angle) if k % 2 == 0 else np.cos(angle))) < 1e-12


def test_masks():
    m = causal_mask(3)
    np.testing.assert_array_equal(m, [[False, True, True], [False, False, True], [False, False, False]])
    tokens = np.array([[5, 3, 0, 0], [2, 0, 7, 1]])
    p = padding_mask(tokens, 0)
    assert p.shape == (2, 1, 1, 4)
    np.testing.assert_array_equal(p[:, 0, 0], [[False, False, True, True], [False, True, False, False]])


def test_split_merge_heads():
    x = np.arange(2 * 3 * 8).reshape(2, 3, 8).astype(float)
    s = split_heads(x, 4)
    assert s.shape == (2, 4, 3, 2)
    np.testing.assert_array_equal(s[1, 2, 0], x[1, 0, 4:6])  # head 2 of token 0 = features 4..5
    np.testing.assert_array_equal(merge_heads(s), x)


@pytest.mark.torch
@pytest.mark.parametrize("shape_q, T_k, mask", [((2, 3, 4), 3, None), ((2, 2, 5, 4), 5, "causal"),
                                                ((1, 3, 4, 2), 6, "padding"), ((3, 1, 2), 4, None)])
def test_sdpa_vs_torch(torch, shape_q, T_k, mask):
    rng = np.random.default_rng(sum(shape_q) + T_k)
    Q = rng.standard_normal(shape_q)
    K = rng.standard_normal(shape_q[:-2] + (T_k, shape_q[-1]))
    V = rng.standard_normal(shape_q[:-2] + (T_k, 3))
    dout = rng.standard_normal(shape_q[:-1] + (3,))
    m = None
    if mask == "causal":
        m = causal_mask(T_k)
    elif mask == "padding":
        m = padding_mask(np.array([[4, 2, 1, 0, 0, 0]]), 0)[0]  # (1, 1, T_k): broadcast over heads and queries
    layer = ScaledDotProductAttention()
    out = layer.forward(Q, K, V, m)
    dQ, dK, dV = layer.backward(dout)
    tQ, tK, tV = tensors(torch, Q, K, V)
    F = torch.nn.functional
    if mask == "causal":
        t_out = F.scaled_dot_product_attention(tQ, tK, tV, is_causal=True)
    else:
        # torch's boolean attn_mask is True where a query MAY attend: the opposite of ours
        t_out = F.scaled_dot_product_attention(tQ, tK, tV, attn_mask=None if m is None else torch.tensor(~m))
    t_out.backward(torch.tensor(dout))
    close(out, t_out.detach().numpy())
    close(dQ, tQ.grad.numpy())
    close(dK, tK.grad.numpy())
    close(dV, tV.grad.numpy())


def _mha_torch(torch, W_q, W_k, W_v, W_o, h):
    D = W_q.shape[0]
    mha = torch.nn.MultiheadAttention(D, h, bias=False, batch_first=True, dtype=torch.float64)
    with torch.no_grad():
        mha.in_proj_weight.copy_(torch.tensor(np.concatenate([W_q.T, W_k.T, W_v.T])))
        mha.out_proj.weight.copy_(torch.tensor(W_o.T))
    return mha


@pytest.mark.torch
@pytest.mark.parametrize("N, T_q, T_k, D, h, mask", [(2, 3, 3, 4, 2, None), (1, 4, 4, 6, 3, "causal"),
                                                     (2, 2, 5, 8, 4, "padding"), (3, 1, 2, 4, 1, None)])
def test_multi_head_attention_vs_nn_multiheadattention(torch, N, T_q, T_k, D, h, mask):
    rng = np.random.default_rng(N * T_q * T_k * D * h)
    Ws = [rng.standard_normal((D, D)) / np.sqrt(D) for _ in range(4)]
    x_q, x_kv = rng.standard_normal((N, T_q, D)), rng.standard_normal((N, T_k, D))
    dout = rng.standard_normal((N, T_q, D))
    kwargs, m = {}, None
    if mask == "causal":
        m = causal_mask(T_q)
        kwargs["attn_mask"] = torch.tensor(m)
    elif mask == "padding":
        tokens = rng.integers(1, 9, (N, T_k))
        tokens[:, -2:] = 0
        m = padding_mask(tokens, 0)
        kwargs["key_padding_mask"] = torch.tensor(tokens == 0)
    layer = MultiHeadAttention(*Ws, num_heads=h)
    out = layer.forward(x_q, x_kv, m)
    dx_q, dx_kv = layer.backward(dout)
    mha = _mha_torch(torch, *Ws, h)
    tq, tkv = tensors(torch, x_q, x_kv)
    t_out, _ = mha(tq, tkv, tkv, need_weights=False, **kwargs)
    t_out.backward(torch.tensor(dout))
    close(out, t_out.detach().numpy())
    close(dx_q, tq.grad.numpy())
    close(dx_kv, tkv.grad.numpy())
    g_in = mha.in_proj_weight.grad.numpy()
    close(layer.grads[0], g_in[:D].T)
    close(layer.grads[1], g_in[D:2 * D].T)
    close(layer.grads[2], g_in[2 * D:].T)
    close(layer.grads[3], mha.out_proj.weight.grad.numpy().T)


@pytest.mark.torch
def test_gelu_is_the_tanh_approximation(torch):
    x = np.linspace(-5, 5, 41)
    close(gelu(x), torch.nn.functional.gelu(torch.tensor(x), approximate="tanh").numpy())


@pytest.mark.torch
@pytest.mark.parametrize("N, T, D, D_ff", [(1, 1, 2, 3), (2, 3, 4, 8), (3, 2, 3, 5)])
def test_ffn_vs_torch(torch, N, T, D, D_ff):
    rng = np.random.default_rng(N * T * D * D_ff)
    ps = [rng.standard_normal(s) for s in ((D, D_ff), (D_ff,), (D_ff, D), (D,))]
    x, dout = rng.standard_normal((N, T, D)), rng.standard_normal((N, T, D))
    layer = PositionwiseFFN(*ps)
    out = layer.forward(x)
    dx = layer.backward(dout)
    tx, *tps = tensors(torch, x, *ps)
    F = torch.nn.functional
    t_out = F.gelu(tx @ tps[0] + tps[1], approximate="tanh") @ tps[2] + tps[3]
    t_out.backward(torch.tensor(dout))
    close(out, t_out.detach().numpy())
    close(dx, tx.grad.numpy())
    for mine, t in zip(layer.grads, tps):
        close(mine, t.grad.numpy())


@pytest.mark.torch
@pytest.mark.parametrize("N, T, D, h, D_ff, masked", [(2, 3, 4, 2, 8, False), (1, 4, 6, 3, 5, True)])
def test_encoder_block_vs_torch(torch, N, T, D, h, D_ff, masked):
    rng = np.random.default_rng(N * T * D * h + D_ff)
    attn = [rng.standard_normal((D, D)) / np.sqrt(D) for _ in range(4)]
    ffn = [rng.standard_normal(s) * 0.5 for s in ((D, D_ff), (D_ff,), (D_ff, D), (D,))]
    norms = [1 + 0.1 * rng.standard_normal(D), 0.1 * rng.standard_normal(D),
             1 + 0.1 * rng.standard_normal(D), 0.1 * rng.standard_normal(D)]
    x, dout = rng.standard_normal((N, T, D)), rng.standard_normal((N, T, D))
    m = causal_mask(T) if masked else None
    block = TransformerEncoderBlock(*attn, h, *ffn, *norms)
    held = list(block.grads)
    out = block.forward(x, m)
    dx = block.backward(dout)

    F = torch.nn.functional
    mha = _mha_torch(torch, *attn, h)
    tx, *tps = tensors(torch, x, *ffn, *norms)
    a, _ = mha(tx, tx, tx, need_weights=False, attn_mask=None if m is None else torch.tensor(m))
    y = F.layer_norm(tx + a, (D,), tps[4], tps[5], eps=1e-5)
    f = F.gelu(y @ tps[0] + tps[1], approximate="tanh") @ tps[2] + tps[3]
    t_out = F.layer_norm(y + f, (D,), tps[6], tps[7], eps=1e-5)
    t_out.backward(torch.tensor(dout))
    close(out, t_out.detach().numpy())
    close(dx, tx.grad.numpy())
    g_in = mha.in_proj_weight.grad.numpy()
    expected = [g_in[:D].T, g_in[D:2 * D].T, g_in[2 * D:].T, mha.out_proj.weight.grad.numpy().T]
    expected += [t.grad.numpy() for t in tps]
    assert len(block.grads) == len(expected) == 12
    for mine, exp in zip(block.grads, expected):
        close(mine, exp)
    assert all(g is k for g, k in zip(block.grads, held))
