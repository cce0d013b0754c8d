"""reference/vit.py against PyTorch (float64): patchify against F.unfold, the patch embedding against a strided
F.conv2d with the class token and position embeddings (autograd for every gradient), Swin's window functions
against the Swin Transformer's own torch code and torch.roll."""
import numpy as np
import pytest
from gradcheck import close

from reference import vit, vit_conventions


@pytest.fixture
def torch():
    return pytest.importorskip("torch")


@pytest.mark.torch
@pytest.mark.parametrize("shape, P", [((2, 3, 4, 6), 2), ((1, 1, 4, 4), 2), ((3, 2, 6, 9), 3)])
def test_patchify_vs_unfold(torch, shape, P):
    import torch.nn.functional as F
    x = np.random.default_rng(sum(shape)).standard_normal(shape)
    expected = F.unfold(torch.tensor(x), kernel_size=P, stride=P).transpose(1, 2).numpy()
    close(vit.patchify(x, P), expected)
    close(vit.unpatchify(vit.patchify(x, P), *shape[1:], P), x)


def test_patchify_channel_last_is_einops_order():
    x = np.arange(16, dtype=float).reshape(1, 2, 2, 4)
    # the first patch: rows 0-1, columns 0-1; (p1 p2 c) runs over pixels first, channels last.
    first = [x[0, c, i, j] for i in range(2) for j in range(2) for c in range(2)]
    close(vit_conventions.patchify_channel_last(x, 2)[0, 0], first)


@pytest.mark.torch
@pytest.mark.parametrize("cls, channel_last", [(vit.PatchEmbedding, False),
                                               (vit_conventions.PatchEmbeddingChannelLast, True)])
@pytest.mark.parametrize("shape, P, D", [((2, 3, 4, 6), 2, 5), ((1, 1, 4, 4), 2, 3), ((3, 2, 6, 3), 3, 4)])
def test_patch_embedding_vs_torch_conv(torch, cls, channel_last, shape, P, D):
    import torch.nn.functional as F
    rng = np.random.default_rng(P * D)
    N, C, H, W = shape
    L = (H // P) * (W // P)
    Wm, b = rng.standard_normal((C * P * P, D)), rng.standard_normal(D)
    cls_tok, pos = rng.standard_normal((1, 1, D)), rng.standard_normal((1, 1 + L, D))
    x, dz = rng.standard_normal(shape), rng.standard_normal((N, 1 + L, D))
    layer = cls(Wm.copy(), b.copy(), cls_tok.copy(), pos.copy(), P)
    z = layer.forward(x)
    dx = layer.backward(dz)
    tx, tW, tb, tc, tp = (torch.tensor(a, requires_grad=True) for a in (x, Wm, b, cls_tok, pos))
    kernel = tW.T.reshape(D, P, P, C).permute(0, 3, 1, 2) if channel_last else tW.T.reshape(D, C, P, P)
    tokens = F.conv2d(tx, kernel, tb, stride=P).flatten(2).transpose(1, 2)
    tz = torch.cat([tc.expand(N, 1, D), tokens], dim=1) + tp
    tz.backward(torch.tensor(dz))
    close(z, tz.detach().numpy())
    close(dx, tx.grad.numpy())
    for g, t in ((layer.dW, tW), (layer.db, tb), (layer.dcls_token, tc), (layer.dpos_embed, tp)):
        close(g, t.grad.numpy())


def _swin_window_partition(torch, x, ws):
    """Swin Transformer's window_partition (models/swin_transformer.py)."""
    B, H, W, C = x.shape
    x = x.view(B, H // ws, ws, W // ws, ws, C)
    return x.permute(0, 1, 3, 2, 4, 5).contiguous().view(-1, ws, ws, C)


def _swin_window_reverse(torch, windows, ws, H, W):
    B = int(windows.shape[0] / (H * W / ws / ws))
    x = windows.view(B, H // ws, W // ws, ws, ws, -1)
    return x.permute(0, 1, 3, 2, 4, 5).contiguous().view(B, H, W, -1)


@pytest.mark.torch
@pytest.mark.parametrize("shape, ws, s", [((2, 4, 6, 3), 2, 1), ((1, 6, 6, 2), 3, 1), ((3, 8, 4, 1), 4, 2)])
def test_swin_windows_vs_swin_code(torch, shape, ws, s):
    x = np.random.default_rng(ws * s).standard_normal(shape)
    tx = torch.tensor(x)
    windows = vit.window_partition(x, ws)
    close(windows, _swin_window_partition(torch, tx, ws).numpy())
    close(vit.window_reverse(windows, ws, shape[1], shape[2]),
          _swin_window_reverse(torch, torch.tensor(windows), ws, shape[1], shape[2]).numpy())
    close(vit.cyclic_shift(x, s), torch.roll(tx, shifts=(-s, -s), dims=(1, 2)).numpy())
    close(vit.cyclic_shift(vit.cyclic_shift(x, s), -s), x)


def test_window_partition_hand_value():
    x = np.arange(16.0).reshape(1, 4, 4, 1)
    w = vit.window_partition(x, 2)
    close(w[1, :, :, 0], [[2, 3], [6, 7]])      # the top-right window
    close(w[2, :, :, 0], [[8, 9], [12, 13]])    # the bottom-left window
    close(vit.cyclic_shift(x, 1)[0, 0, :, 0], [5, 6, 7, 4])
