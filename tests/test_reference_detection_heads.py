"""reference.detection_heads against PyTorch (F.smooth_l1_loss and autograd, YOLO decoding with torch ops, FCOS's
compute_centerness_targets, ssd.pytorch's hard negative mining) and plainly written loops."""
import numpy as np
import pytest

from reference import detection_conventions, detection_heads as dh


@pytest.fixture
def torch():
    return pytest.importorskip("torch")


@pytest.mark.torch
@pytest.mark.parametrize("beta", [1.0, 0.5, 2.0])
@pytest.mark.parametrize("shape", [(6, 4), (1, 4), (3, 2, 4)])
def test_smooth_l1_vs_torch_and_autograd(torch, beta, shape):
    F = torch.nn.functional
    rng = np.random.default_rng(int(beta * 10) + len(shape))
    x, t = rng.normal(size=shape) * 2, rng.normal(size=shape)
    layer = dh.SmoothL1Loss(beta)
    loss = layer.forward(x, t)
    dx = layer.backward(0.7)
    tx = torch.tensor(x, requires_grad=True)
    t_loss = F.smooth_l1_loss(tx, torch.tensor(t), beta=beta)
    (t_loss * 0.7).backward()
    assert loss == pytest.approx(t_loss.item(), rel=1e-12)
    np.testing.assert_allclose(dx, tx.grad.numpy(), rtol=1e-12, atol=1e-15)
    # the per-box convention: torch's sum divided by the number of boxes
    conv = detection_conventions.SmoothL1LossPerBox(beta)
    t_sum = F.smooth_l1_loss(torch.tensor(x), torch.tensor(t), beta=beta, reduction="sum").item()
    assert conv.forward(x, t) == pytest.approx(t_sum / shape[0], rel=1e-12)


@pytest.mark.torch
@pytest.mark.parametrize("H, W, A, C", [(2, 3, 2, 3), (3, 2, 3, 2), (1, 1, 1, 4)])
def test_yolo_decode_vs_torch(torch, H, W, A, C):
    rng = np.random.default_rng(H * 10 + W)
    t = rng.normal(size=(H, W, A, 5 + C))
    anchors = rng.uniform(10, 60, size=(A, 2))
    stride = 16
    boxes, scores = dh.yolo_decode(t, anchors, stride)
    tt = torch.tensor(t)
    gy, gx = torch.meshgrid(torch.arange(H), torch.arange(W), indexing="ij")
    bx = (torch.sigmoid(tt[..., 0]) + gx[..., None]) * stride
    by = (torch.sigmoid(tt[..., 1]) + gy[..., None]) * stride
    bwh = torch.tensor(anchors) * torch.exp(tt[..., 2:4])
    t_scores = torch.sigmoid(tt[..., 4:5]) * torch.softmax(tt[..., 5:], dim=-1)
    np.testing.assert_allclose(boxes[..., 0], bx.numpy(), rtol=1e-12)
    np.testing.assert_allclose(boxes[..., 1], by.numpy(), rtol=1e-12)
    np.testing.assert_allclose(boxes[..., 2:], bwh.numpy(), rtol=1e-12)
    np.testing.assert_allclose(scores, t_scores.numpy(), rtol=1e-12)
    # the cell (row i, column j) holds its own centre: x in [j, j + 1) cells, y in [i, i + 1)
    j = np.arange(W)[None, :, None]
    i = np.arange(H)[:, None, None]
    assert np.all((boxes[..., 0] / stride >= j) & (boxes[..., 0] / stride < j + 1))
    assert np.all((boxes[..., 1] / stride >= i) & (boxes[..., 1] / stride < i + 1))


@pytest.mark.torch
def test_fcos_centerness_vs_fcos_code(torch):
    rng = np.random.default_rng(0)
    box = np.array([6.0, 12.5, 33.0, 28.0])
    points = rng.uniform([6.5, 13.0], [32.5, 27.5], size=(20, 2))
    ltrb = dh.fcos_ltrb(points, box)
    for (x, y), (l, t, r, b) in zip(points, ltrb):
        assert (l, t, r, b) == (x - 6.0, y - 12.5, 33.0 - x, 28.0 - y)
    assert dh.inside_box(ltrb).all()
    # FCOS's compute_centerness_targets, as in the FCOS repository
    reg_targets = torch.tensor(ltrb)
    left_right = reg_targets[:, [0, 2]]
    top_bottom = reg_targets[:, [1, 3]]
    c = (left_right.min(dim=-1)[0] / left_right.max(dim=-1)[0]) * \
        (top_bottom.min(dim=-1)[0] / top_bottom.max(dim=-1)[0])
    np.testing.assert_allclose(dh.centerness(ltrb), torch.sqrt(c).numpy(), rtol=1e-12)


def test_fcos_inside_and_centre_by_hand():
    ltrb = dh.fcos_ltrb(np.array([[15.0, 10.0], [0.0, 5.0], [31.0, 5.0]]), np.array([0.0, 0.0, 30.0, 20.0]))
    np.testing.assert_array_equal(dh.inside_box(ltrb), [True, False, False])     # centre, on a side, outside
    assert dh.centerness(ltrb[:1])[0] == pytest.approx(1.0)


def loop_hnm(conf_loss, pos_mask, ratio):
    out = np.zeros_like(pos_mask)
    for n in range(len(conf_loss)):
        negatives = sorted((k for k in range(conf_loss.shape[1]) if not pos_mask[n, k]), key=lambda k: -conf_loss[n, k])
        for k in negatives[:min(ratio * int(pos_mask[n].sum()), len(negatives))]:
            out[n, k] = True
    return out


@pytest.mark.torch
@pytest.mark.parametrize("seed", range(4))
def test_hard_negative_mining_vs_ssd_pytorch_and_loop(torch, seed):
    rng = np.random.default_rng(seed)
    conf_loss = rng.uniform(0.01, 3.0, size=(5, 30))
    pos_mask = rng.random((5, 30)) < 0.08
    pos_mask[0] = False                          # an image without positives: no negatives either
    got = dh.hard_negative_mining(conf_loss, pos_mask, 3)
    np.testing.assert_array_equal(got, loop_hnm(conf_loss, pos_mask, 3))
    assert not np.any(got & pos_mask)
    # ssd.pytorch's MultiBoxLoss (layers/modules/multibox_loss.py), which agrees while every image has enough negatives
    loss_c = torch.tensor(conf_loss)
    pos = torch.tensor(pos_mask)
    loss_c[pos] = 0
    _, loss_idx = loss_c.sort(1, descending=True)
    _, idx_rank = loss_idx.sort(1)
    num_pos = pos.long().sum(1, keepdim=True)
    num_neg = torch.clamp(3 * num_pos, max=pos.size(1) - 1)
    neg = idx_rank < num_neg.expand_as(idx_rank)
    assert np.all(3 * pos_mask.sum(axis=1) <= 30 - pos_mask.sum(axis=1))
    np.testing.assert_array_equal(got, neg.numpy())
    np.testing.assert_array_equal(detection_conventions.hard_negative_mining_ssd_pytorch(conf_loss, pos_mask), got)


def test_hard_negative_mining_with_too_few_negatives():
    conf_loss = np.array([[0.5, 0.1, 0.9, 0.3, 0.7, 0.2]])
    pos_mask = np.array([[True, False, False, True, False, False]])       # 2 positives, 4 negatives < 6
    np.testing.assert_array_equal(dh.hard_negative_mining(conf_loss, pos_mask), ~pos_mask)
    # ssd.pytorch caps at P - 1 = 5 and then picks a positive too
    assert detection_conventions.hard_negative_mining_ssd_pytorch(conf_loss, pos_mask).sum() == 5
