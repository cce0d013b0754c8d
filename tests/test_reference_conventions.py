"""reference/conventions.py: the other legitimate conventions the grader recognises are what they say they are.

Each is checked against PyTorch where PyTorch follows it (avg_pool2d with count_include_pad=False, BatchNorm's
unbiased running variance and its momentum), and against the drill's own reference where the two conventions must
agree (no ties, no padding, the first step's outputs), and shown to differ where they must differ.
"""
import numpy as np
import pytest
from gradcheck import close, num_grad, rel_err

from reference import conventions as cv
from reference.conv import AvgPooling, Pooling
from reference.functions import mean_squared_error
from reference.layers import BatchNormalization, SpatialBatchNormalization

BN_EPS = 10e-7


@pytest.fixture
def torch():
    return pytest.importorskip("torch")


# --------------------------------------------------------------------------- max pooling ties

TIES = np.array([[[[0.0, 0.0, 1.0, 1.0], [0.0, 0.0, 1.0, 0.5], [2.0, 0.5, 0.0, 0.0], [0.5, 2.0, 0.0, 3.0]]]])


@pytest.mark.parametrize("cls", [cv.PoolingAllTies, cv.PoolingSplitTies, cv.PoolingLastTie])
def test_tie_conventions_agree_with_the_reference_without_ties(cls):
    rng = np.random.default_rng(1)
    x = rng.permutation(2 * 3 * 5 * 6).reshape(2, 3, 5, 6) * 0.1
    dout = rng.standard_normal((2, 3, 2, 2))
    ref, other = Pooling(3, 3, stride=2), cls(3, 3, stride=2)
    close(other.forward(x), ref.forward(x))
    close(other.backward(dout), ref.backward(dout))
    layer = cls(3, 3, stride=2)
    layer.forward(x)
    dx = layer.backward(dout)
    assert rel_err(num_grad(lambda: np.sum(layer.forward(x) * dout), x), dx) < 1e-7


def test_tie_conventions_route_tied_gradients_as_named():
    dout = np.array([[[[1.0, 2.0], [4.0, 8.0]]]])
    first = Pooling(2, 2, stride=2)
    first.forward(TIES)
    routed = {}
    for name, cls in (("all", cv.PoolingAllTies), ("split", cv.PoolingSplitTies), ("last", cv.PoolingLastTie)):
        layer = cls(2, 2, stride=2)
        close(layer.forward(TIES), first.forward(TIES))
        routed[name] = layer.backward(dout)
    dx_first = first.backward(dout.copy())
    # Window (0, 0) is four zeros: first -> (0, 0), last -> (1, 1), all -> each, split -> each a quarter.
    assert dx_first[0, 0, 0, 0] == 1.0 and dx_first[0, 0, :2, :2].sum() == 1.0
    assert routed["last"][0, 0, 1, 1] == 1.0 and routed["last"][0, 0, :2, :2].sum() == 1.0
    np.testing.assert_array_equal(routed["all"][0, 0, :2, :2], np.ones((2, 2)))
    np.testing.assert_array_equal(routed["split"][0, 0, :2, :2], np.full((2, 2), 0.25))
    # Every convention sends each window's whole gradient somewhere in it, except "all" (once per tie).
    for name in ("split", "last"):
        assert routed[name].sum() == dout.sum()


# --------------------------------------------------------------------------- average pooling padding

@pytest.mark.torch
@pytest.mark.parametrize("geom", [(2, 2, 7, 6, 3, 3, 2, 1), (1, 1, 5, 4, 2, 2, 2, 1), (2, 3, 4, 5, 3, 2, 1, 1)])
def test_avg_pooling_exclude_pad_is_torchs_count_include_pad_false(torch, geom):
    N, C, H, W, ph, pw, s, p = geom
    rng = np.random.default_rng(sum(geom))
    x = rng.standard_normal((N, C, H, W))
    layer = cv.AvgPoolingExcludePad(ph, pw, stride=s, pad=p)
    out = layer.forward(x)
    dout = rng.standard_normal(out.shape)
    dx = layer.backward(dout)
    tx = torch.from_numpy(x).requires_grad_(True)
    t_out = torch.nn.functional.avg_pool2d(tx, (ph, pw), stride=s, padding=p, count_include_pad=False)
    t_out.backward(torch.from_numpy(dout))
    close(out, t_out.detach().numpy())
    close(dx, tx.grad.numpy())
    assert not np.allclose(out, AvgPooling(ph, pw, stride=s, pad=p).forward(x))


def test_avg_pooling_exclude_pad_is_the_reference_without_padding():
    rng = np.random.default_rng(3)
    x = rng.standard_normal((2, 2, 6, 5))
    dout = rng.standard_normal((2, 2, 3, 2))
    ref, other = AvgPooling(2, 2, stride=2), cv.AvgPoolingExcludePad(2, 2, stride=2)
    close(other.forward(x), ref.forward(x))
    close(other.backward(dout), ref.backward(dout))


# --------------------------------------------------------------------------- batch normalisation

BN_CASES = [(BatchNormalization, cv.BatchNormUnbiasedRunningVar, cv.BatchNormTorchMomentum, (6, 4), 4),
            (BatchNormalization, cv.BatchNormUnbiasedRunningVar, cv.BatchNormTorchMomentum, (5, 2, 2, 3), 12),
            (SpatialBatchNormalization, cv.SpatialBatchNormUnbiasedRunningVar, cv.SpatialBatchNormTorchMomentum,
             (3, 4, 2, 3), 4)]


@pytest.mark.torch
@pytest.mark.parametrize("ref_cls, unbiased_cls, momentum_cls, shape, D", BN_CASES)
def test_batchnorm_conventions_are_pytorchs(torch, ref_cls, unbiased_cls, momentum_cls, shape, D):
    rng = np.random.default_rng(D)
    gamma, beta = rng.uniform(0.5, 2, D), rng.standard_normal(D)
    spatial = ref_cls is SpatialBatchNormalization
    rows = (lambda a: a) if spatial else (lambda a: a.reshape(a.shape[0], -1))
    ref, unbiased, torch_m = ref_cls(gamma, beta), unbiased_cls(gamma, beta), momentum_cls(gamma, beta, momentum=0.1)
    t_rm, t_rv = torch.zeros(D, dtype=torch.float64), torch.zeros(D, dtype=torch.float64)
    for step in range(3):
        x = rng.standard_normal(shape) * 3 + step
        dout = rng.standard_normal(shape)
        out = ref.forward(x)
        close(unbiased.forward(x), out)          # the batch statistics are the same: only the running ones differ
        close(unbiased.backward(dout), ref.backward(dout))
        close(unbiased.dgamma, ref.dgamma)
        torch_m.forward(x)
        torch.nn.functional.batch_norm(torch.from_numpy(rows(x)), t_rm, t_rv, torch.from_numpy(gamma),
                                       torch.from_numpy(beta), training=True, momentum=0.1, eps=BN_EPS)
        close(unbiased.running_mean, ref.running_mean)
    # PyTorch's running variance is the unbiased one, with its momentum 0.1 = 1 - the book's 0.9.
    close(unbiased.running_var, t_rv.numpy())
    close(unbiased.running_mean, t_rm.numpy())
    assert not np.allclose(unbiased.running_var, ref.running_var)
    # momentum=0.1 in PyTorch's meaning is the book's 0.9: the same running statistics as the book's default.
    close(torch_m.running_mean, ref.running_mean)
    close(torch_m.running_var, ref.running_var)
    x = rng.standard_normal(shape)
    close(torch_m.forward(x, train_flg=False), ref.forward(x, train_flg=False))
    assert not np.allclose(unbiased.forward(x, train_flg=False), ref.forward(x, train_flg=False))


# --------------------------------------------------------------------------- squared error

def test_squared_error_conventions():
    rng = np.random.default_rng(5)
    y, t = rng.standard_normal((4, 3)), rng.standard_normal((4, 3))
    book = mean_squared_error(y, t)
    assert np.isclose(cv.sum_squared_error_no_half(y, t), 2 * book)
    assert np.isclose(cv.mean_squared_error_mean(y, t), 2 * book / y.size)
