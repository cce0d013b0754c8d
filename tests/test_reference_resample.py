"""reference.resample against PyTorch: F.interpolate (nearest; bilinear, align_corners False and True),
F.lp_pool2d, autograd for every backward; and the conventions of reference.resample_conventions."""
import numpy as np
import pytest

from reference import resample, resample_conventions

torch = pytest.importorskip("torch")
F = torch.nn.functional


def _torch(fn, x, dout):
    tx = torch.tensor(x, requires_grad=True)
    out = fn(tx)
    out.backward(torch.tensor(dout))
    return out.detach().numpy(), tx.grad.numpy()


def _check(layer, fn, x, rng, rtol=1e-10):
    out = layer.forward(x)
    dout = rng.normal(size=out.shape)
    t_out, t_dx = _torch(fn, x, dout)
    np.testing.assert_allclose(out, t_out, rtol=rtol, atol=1e-12)
    np.testing.assert_allclose(layer.backward(dout.copy()), t_dx, rtol=rtol, atol=1e-12)


@pytest.mark.parametrize("shape, s", [((2, 3, 4, 5), 2), ((1, 2, 3, 2), 3), ((2, 1, 1, 4), 2)])
def test_nearest_upsampling_matches_interpolate(shape, s):
    rng = np.random.default_rng(0)
    x = rng.normal(size=shape)
    _check(resample.UpsampleNearest(s), lambda t: F.interpolate(t, scale_factor=s, mode='nearest'), x, rng)


@pytest.mark.parametrize("shape, s", [((2, 3, 4, 5), 2), ((1, 2, 3, 2), 3), ((2, 1, 1, 4), 2), ((1, 1, 5, 3), 4)])
def test_bilinear_upsampling_matches_interpolate_without_aligned_corners(shape, s):
    rng = np.random.default_rng(1)
    x = rng.normal(size=shape)
    _check(resample.UpsampleBilinear(s),
           lambda t: F.interpolate(t, scale_factor=s, mode='bilinear', align_corners=False), x, rng)


@pytest.mark.parametrize("shape, s", [((2, 3, 4, 5), 2), ((1, 2, 3, 2), 3)])
def test_align_corners_convention_matches_interpolate(shape, s):
    rng = np.random.default_rng(2)
    x = rng.normal(size=shape)
    _check(resample_conventions.UpsampleBilinearAlignCorners(s),
           lambda t: F.interpolate(t, scale_factor=s, mode='bilinear', align_corners=True), x, rng)
    # and the two conventions differ on these sizes, so the drill can tell them apart
    assert not np.allclose(resample.UpsampleBilinear(s).forward(x),
                           resample_conventions.UpsampleBilinearAlignCorners(s).forward(x))


def test_bilinear_hand_values():
    """x = [0, 1] upsampled x2 (align_corners=False): sample points -0.25 (clamped to 0), 0.25, 0.75, 1.25 -> 1."""
    out = resample.UpsampleBilinear(2).forward(np.array([[[[0.0, 1.0]]]]))
    np.testing.assert_allclose(out[0, 0, 0], [0.0, 0.25, 0.75, 1.0])


@pytest.mark.parametrize("p, k, stride", [(2, (2, 2), 2), (2, (3, 2), 1), (1, (2, 3), 2), (4, (2, 2), 1)])
def test_lp_pooling_matches_lp_pool2d(p, k, stride):
    rng = np.random.default_rng(3)
    x = rng.normal(size=(2, 3, 6, 7))
    x = np.where(np.abs(x) < 0.1, 0.5, x)    # away from 0 (p = 1 has a kink there)
    if p % 2:
        x = np.abs(x)    # torch has no absolute value: the same only for even p or non-negative inputs
    _check(resample.LpPooling(p, k[0], k[1], stride), lambda t: F.lp_pool2d(t, p, k, stride), x, rng, rtol=1e-9)


def test_lp_pooling_odd_p_is_the_norm_and_differs_from_torch_without_abs():
    """p = 3 on signed inputs: the reference is the L3 norm of the window (a loop here). PyTorch's LPPool2d has no
    absolute value: its windows with a positive sum of cubes agree, the others are NaN (a cube root of a negative)."""
    rng = np.random.default_rng(4)
    x = rng.normal(size=(2, 2, 4, 4))
    ref = resample.LpPooling(3, 2, 2, 2).forward(x)
    loop = np.empty((2, 2, 2, 2))
    for n in range(2):
        for c in range(2):
            for i in range(2):
                for j in range(2):
                    loop[n, c, i, j] = np.linalg.norm(x[n, c, 2 * i:2 * i + 2, 2 * j:2 * j + 2].ravel(), ord=3)
    np.testing.assert_allclose(ref, loop, rtol=1e-12)
    t = F.lp_pool2d(torch.tensor(x), 3, 2, 2).numpy()
    cubes = F.avg_pool2d(torch.tensor(x) ** 3, 2, 2).numpy()
    assert np.all(np.isnan(t[cubes < 0])) and np.any(cubes < 0)
    ok = cubes > 0
    assert not np.allclose(ref[ok], t[ok])     # |x|^3 and x^3 differ inside mixed-sign windows too
    pos = np.abs(x)
    np.testing.assert_allclose(resample.LpPooling(3, 2, 2, 2).forward(pos), F.lp_pool2d(torch.tensor(pos), 3, 2, 2).numpy(),
                               rtol=1e-12)


def test_lp_pooling_with_padding_matches_padded_torch_and_mean_convention():
    rng = np.random.default_rng(5)
    x = rng.normal(size=(2, 2, 5, 4)) + 0.05
    fn = lambda t: F.lp_pool2d(F.pad(t, (1, 1, 1, 1)), 2, (3, 3), 2)   # zero padding adds |0|^p = 0
    _check(resample.LpPooling(2, 3, 3, 2, pad=1), fn, x, rng, rtol=1e-9)
    gem = lambda t: F.avg_pool2d(t.abs() ** 3, 2, 2) ** (1 / 3)
    _check(resample_conventions.LpPoolingMean(3, 2, 2, 2), gem, x, rng, rtol=1e-9)


def test_layers_keep_float32_and_inputs():
    x = np.random.default_rng(6).normal(size=(2, 2, 4, 4)).astype(np.float32)
    for layer in (resample.UpsampleNearest(2), resample.UpsampleBilinear(2), resample.LpPooling(2, 2, 2, 2)):
        x0 = x.copy()
        out = layer.forward(x)
        assert out.dtype == np.float32
        assert layer.backward(np.ones_like(out)).shape == x.shape
        np.testing.assert_array_equal(x, x0)
