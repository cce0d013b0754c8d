"""reference.segmentation against PyTorch (F.cross_entropy on (N, K, H, W) with autograd) and scikit-learn
(jaccard_score per class)."""
import numpy as np
import pytest
from sklearn.metrics import jaccard_score

from reference import segmentation, segmentation_conventions


@pytest.fixture
def torch():
    return pytest.importorskip("torch")


@pytest.mark.torch
@pytest.mark.parametrize("shape", [(2, 3, 4, 5), (1, 4, 3, 2), (3, 2, 1, 6)])
def test_pixelwise_softmax_ce_vs_torch(torch, shape):
    N, K, H, W = shape
    rng = np.random.default_rng(sum(shape))
    x = rng.normal(size=shape) * 3
    t = rng.integers(0, K, size=(N, H, W))
    layer = segmentation.PixelwiseSoftmaxWithLoss()
    loss = layer.forward(x, t)
    dx = layer.backward(0.5)
    tx = torch.tensor(x, requires_grad=True)
    t_loss = torch.nn.functional.cross_entropy(tx, torch.tensor(t))
    (0.5 * t_loss).backward()
    assert loss == pytest.approx(t_loss.item(), rel=1e-12)
    np.testing.assert_allclose(dx, tx.grad.numpy(), rtol=1e-10, atol=1e-15)


@pytest.mark.torch
def test_pixelwise_softmax_ce_extreme_scores(torch):
    x = np.array([[[[1000.0, -1000.0]], [[0.0, -999.0]], [[-1000.0, -999.5]]]])
    t = np.array([[[0, 2]]])
    t_loss = torch.nn.functional.cross_entropy(torch.tensor(x), torch.tensor(t)).item()
    assert segmentation.PixelwiseSoftmaxWithLoss().forward(x, t) == pytest.approx(t_loss, rel=1e-12)


@pytest.mark.parametrize("seed", range(4))
def test_mean_iou_vs_sklearn(seed):
    rng = np.random.default_rng(seed)
    K = 6
    t = rng.integers(0, 4, size=(3, 7, 5))          # classes 4 and 5 never occur
    pred = np.where(rng.random(t.shape) < 0.6, t, rng.integers(0, 5, size=t.shape))   # class 5 absent from both
    present = [k for k in range(K) if np.any(t == k) or np.any(pred == k)]
    per_class = jaccard_score(t.ravel(), pred.ravel(), labels=present, average=None)
    assert segmentation.mean_iou(pred, t, K) == pytest.approx(per_class.mean(), rel=1e-12)
    all_classes = jaccard_score(t.ravel(), pred.ravel(), labels=list(range(K)), average=None, zero_division=0)
    assert segmentation_conventions.mean_iou_absent_as_zero(pred, t, K) == pytest.approx(all_classes.mean(), rel=1e-12)


def test_mean_iou_by_hand():
    t = np.array([[0, 0, 1, 1]])
    pred = np.array([[0, 1, 1, 1]])
    # class 0: 1 / 2, class 1: 2 / 3; class 2 absent
    assert segmentation.mean_iou(pred, t, 3) == pytest.approx((1 / 2 + 2 / 3) / 2)
