"""reference.roi against independent implementations: RoI pooling against a plain loop over cells, RoI Align against
torch's grid_sample (bilinear, align_corners=True reads pixel centres exactly) + average pooling, with autograd for
its backward. No torchvision (issue 15)."""
import math

import numpy as np
import pytest

from reference import detection_conventions, roi


@pytest.fixture
def torch():
    return pytest.importorskip("torch")


def loop_roi_pool(feat, box, out_h, out_w):
    """Fast R-CNN's RoIPool written out cell by cell (round half away from zero, as C's round)."""
    C, H, W = feat.shape
    x1, y1, x2, y2 = (int(math.floor(v + 0.5)) for v in box)
    bh, bw = (y2 - y1 + 1) / out_h, (x2 - x1 + 1) / out_w
    out = np.zeros((C, out_h, out_w))
    for c in range(C):
        for i in range(out_h):
            for j in range(out_w):
                cells = [feat[c, h, w]
                         for h in range(max(math.floor(i * bh) + y1, 0), min(math.ceil((i + 1) * bh) + y1, H))
                         for w in range(max(math.floor(j * bw) + x1, 0), min(math.ceil((j + 1) * bw) + x1, W))]
                out[c, i, j] = max(cells) if cells else 0.0
    return out


@pytest.mark.parametrize("box, out", [((1.2, 0.7, 7.4, 5.8), (2, 3)), ((0.0, 0.0, 8.0, 6.0), (3, 3)),
                                      ((2.2, 0.9, 3.1, 2.3), (3, 3)), ((5.0, 2.6, 11.0, 8.3), (2, 4)),
                                      ((-2.2, -1.4, 4.0, 3.0), (3, 2)), ((3.0, 3.0, 3.0, 3.0), (2, 2))])
def test_roi_pool_matches_loop(box, out):
    rng = np.random.default_rng(len(box) + out[0] * 7 + out[1])
    feat = rng.normal(size=(3, 7, 9))
    np.testing.assert_array_equal(roi.roi_pool(feat, np.array(box), *out), loop_roi_pool(feat, box, *out))


def torch_roi_align(torch, feat, box, out_h, out_w, s, shift=0.0, clamp=True):
    """RoI Align from torch's grid_sample: sample points in pixel coordinates, normalised for align_corners=True."""
    F = torch.nn.functional
    C, H, W = feat.shape
    x1, y1, x2, y2 = (v - shift for v in box)
    rh, rw = (max(y2 - y1, 1.0), max(x2 - x1, 1.0)) if clamp else (y2 - y1, x2 - x1)
    ys = y1 + (torch.arange(out_h * s, dtype=torch.float64) + 0.5) * rh / (out_h * s)
    xs = x1 + (torch.arange(out_w * s, dtype=torch.float64) + 0.5) * rw / (out_w * s)
    gy, gx = torch.meshgrid(ys, xs, indexing="ij")
    grid = torch.stack([2 * gx / (W - 1) - 1, 2 * gy / (H - 1) - 1], dim=-1)[None]
    samples = F.grid_sample(feat[None], grid, mode="bilinear", padding_mode="border", align_corners=True)
    return F.avg_pool2d(samples, s)[0]


@pytest.mark.torch
@pytest.mark.parametrize("shape, box, out, s", [((2, 7, 9), (1.3, 0.8, 7.6, 5.9), (2, 3), 2),
                                                ((2, 9, 7), (0.5, 1.5, 6.0, 8.0), (3, 2), 3),
                                                ((3, 6, 6), (0.0, 0.0, 5.0, 5.0), (2, 2), 1),
                                                ((1, 8, 5), (1.2, 2.0, 1.7, 2.4), (2, 2), 2)])
def test_roi_align_vs_grid_sample_and_autograd(torch, shape, box, out, s):
    rng = np.random.default_rng(sum(shape))
    feat = rng.normal(size=shape)
    layer = roi.RoIAlign(*out, sampling=s)
    y = layer.forward(feat, np.array(box))
    dout = rng.normal(size=y.shape)
    dfeat = layer.backward(dout)
    tf = torch.tensor(feat, requires_grad=True)
    ty = torch_roi_align(torch, tf, box, *out, s)
    (ty * torch.tensor(dout)).sum().backward()
    np.testing.assert_allclose(y, ty.detach().numpy(), rtol=1e-10, atol=1e-12)
    np.testing.assert_allclose(dfeat, tf.grad.numpy(), rtol=1e-10, atol=1e-12)
    # aligned=True: shifted by half a cell, size not clamped, points in [-1, 0] read at 0 (border)
    conv = detection_conventions.RoIAlignHalfPixel(*out, sampling=s)
    tf2 = torch.tensor(feat, requires_grad=True)
    ty2 = torch_roi_align(torch, tf2, box, *out, s, shift=0.5, clamp=False)
    (ty2 * torch.tensor(dout)).sum().backward()
    np.testing.assert_allclose(conv.forward(feat, np.array(box)), ty2.detach().numpy(), rtol=1e-10, atol=1e-12)
    np.testing.assert_allclose(conv.backward(dout), tf2.grad.numpy(), rtol=1e-10, atol=1e-12)


def test_roi_align_of_a_linear_map_reads_the_bin_centres():
    # on f(y, x) = 2y + 3x bilinear interpolation is exact, and the mean of a bin's samples is its centre's value
    yy, xx = np.mgrid[0:6, 0:8]
    feat = (2.0 * yy + 3.0 * xx)[None].astype(np.float64)
    out = roi.RoIAlign(2, 2, sampling=2).forward(feat, np.array([1.0, 1.0, 5.0, 4.0]))
    cy = 1.0 + (np.arange(2) + 0.5) * 1.5
    cx = 1.0 + (np.arange(2) + 0.5) * 2.0
    np.testing.assert_allclose(out[0], 2 * cy[:, None] + 3 * cx[None, :])
