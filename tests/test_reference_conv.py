"""Correctness of reference/conv.py: im2col / col2im, Convolution, Pooling, AvgPooling.

Checked against torch.nn.functional (unfold, fold, conv2d, max_pool2d, avg_pool2d)
in float64 to 1e-10, and against numerical gradients (array-wise relative error
max|a - b| / max(max|a|, max|b|) < 1e-7, as in test_reference_layers.py).
"""
import numpy as np
import pytest
from gradcheck import close, num_grad, rel_err, torch_run
from hypothesis import given, settings
from hypothesis import strategies as st

from reference.conv import AvgPooling, Convolution, Pooling, col2im, conv_output_size, im2col

TOL = 1e-10
NUM_TOL = 1e-7


@pytest.fixture
def torch():
    return pytest.importorskip("torch")










def distinct(rng, shape, spacing=0.1):
    """Distinct values (a random permutation), none within spacing / 2 of another or of 0,
    so every pooling window has a unique maximum, also against zero padding."""
    n = int(np.prod(shape))
    return ((rng.permutation(n) - n // 2) * spacing + spacing / 2).reshape(shape)


def _out_hw(H, W, FH, FW, stride, pad):
    return conv_output_size(H, FH, stride, pad), conv_output_size(W, FW, stride, pad)


# --------------------------------------------------------------------------- conv_output_size

@pytest.mark.parametrize("args, expected", [
    ((28, 5), 24),
    ((28, 5, 1, 2), 28),
    ((7, 3, 2, 1), 4),
    ((5, 2, 2), 2),        # (5 - 2) // 2 + 1: the last column is not covered
    ((4, 4), 1),
    ((3, 5, 1, 1), 1),     # filter larger than the input, padding makes it fit
    ((6, 3, 3, 0), 2),
    ((1, 1, 1, 0), 1),
    ((10, 3, 3, 2), 4),
])
def test_conv_output_size(args, expected):
    assert conv_output_size(*args) == expected


# --------------------------------------------------------------------------- im2col / col2im

GEOMS = [  # (N, C, H, W, FH, FW, stride, pad)
    (1, 1, 3, 3, 3, 3, 1, 0),
    (1, 1, 4, 4, 2, 2, 2, 0),
    (2, 3, 5, 5, 3, 3, 1, 0),
    (2, 3, 5, 7, 3, 3, 1, 1),
    (1, 2, 6, 5, 3, 2, 2, 1),
    (3, 1, 7, 4, 1, 3, 1, 2),
    (2, 2, 5, 6, 2, 3, 2, 2),
    (1, 3, 7, 7, 3, 3, 2, 1),   # stride does not divide H + 2P - FH
    (2, 1, 6, 8, 4, 2, 3, 0),
    (1, 2, 3, 3, 5, 5, 1, 1),   # filter larger than the input
    (2, 2, 4, 5, 1, 1, 1, 0),
    (1, 1, 9, 2, 3, 1, 2, 0),
    (2, 4, 8, 6, 3, 3, 3, 2),
]


@pytest.mark.torch
@pytest.mark.parametrize("geom", GEOMS)
def test_im2col_vs_unfold(torch, geom):
    N, C, H, W, FH, FW, s, p = geom
    x = np.random.default_rng(sum(geom)).standard_normal((N, C, H, W))
    col = im2col(x, FH, FW, s, p)
    oh, ow = _out_hw(H, W, FH, FW, s, p)
    assert col.shape == (N * oh * ow, C * FH * FW)
    unf = torch.nn.functional.unfold(torch.from_numpy(x), (FH, FW), padding=p, stride=s)  # (N, C*FH*FW, L)
    expected = unf.transpose(1, 2).reshape(N * oh * ow, C * FH * FW).numpy()
    np.testing.assert_array_equal(col, expected)


@pytest.mark.torch
@pytest.mark.parametrize("geom", GEOMS)
def test_col2im_vs_fold(torch, geom):
    N, C, H, W, FH, FW, s, p = geom
    oh, ow = _out_hw(H, W, FH, FW, s, p)
    col = np.random.default_rng(sum(geom) + 1).standard_normal((N * oh * ow, C * FH * FW))
    img = col2im(col, (N, C, H, W), FH, FW, s, p)
    assert img.shape == (N, C, H, W)
    tcol = torch.from_numpy(col.reshape(N, oh * ow, C * FH * FW).transpose(0, 2, 1).copy())
    expected = torch.nn.functional.fold(tcol, (H, W), (FH, FW), padding=p, stride=s).numpy()
    np.testing.assert_allclose(img, expected, rtol=1e-12, atol=1e-12)


def test_im2col_small_example_by_hand():
    x = np.arange(1.0, 10.0).reshape(1, 1, 3, 3)
    col = im2col(x, 2, 2, stride=1, pad=0)
    np.testing.assert_array_equal(col, [[1, 2, 4, 5], [2, 3, 5, 6], [4, 5, 7, 8], [5, 6, 8, 9]])
    col_p = im2col(x, 2, 2, stride=2, pad=1)   # zero padding on all four sides
    np.testing.assert_array_equal(col_p, [[0, 0, 0, 1], [0, 0, 2, 3], [0, 4, 0, 7], [5, 6, 8, 9]])
    # col2im adds overlapping windows: the centre pixel is in all four 2x2 windows.
    np.testing.assert_array_equal(col2im(np.ones((4, 4)), x.shape, 2, 2),
                                  [[[[1, 2, 1], [2, 4, 2], [1, 2, 1]]]])


def _check_adjoint(geom, seed):
    N, C, H, W, FH, FW, s, p = geom
    rng = np.random.default_rng(seed)
    oh, ow = _out_hw(H, W, FH, FW, s, p)
    x = rng.standard_normal((N, C, H, W))
    c = rng.standard_normal((N * oh * ow, C * FH * FW))
    prod = im2col(x, FH, FW, s, p) * c
    lhs = np.sum(prod)
    rhs = np.sum(x * col2im(c, x.shape, FH, FW, s, p))
    # <im2col(x), c> == <x, col2im(c)>, relative to the size of the summed terms.
    assert abs(lhs - rhs) <= 1e-10 * max(1.0, np.sum(np.abs(prod)))


@pytest.mark.parametrize("geom", GEOMS)
def test_im2col_col2im_adjoint(geom):
    _check_adjoint(geom, sum(geom) + 2)


@st.composite
def geometries(draw):
    N = draw(st.integers(1, 3))
    C = draw(st.integers(1, 3))
    H = draw(st.integers(1, 9))
    W = draw(st.integers(1, 9))
    pad = draw(st.integers(0, 2))
    FH = draw(st.integers(1, min(5, H + 2 * pad)))
    FW = draw(st.integers(1, min(5, W + 2 * pad)))
    stride = draw(st.integers(1, 3))
    return N, C, H, W, FH, FW, stride, pad


@settings(max_examples=60, deadline=None)
@given(geometries(), st.integers(0, 2**32 - 1))
def test_im2col_col2im_adjoint_property(geom, seed):
    _check_adjoint(geom, seed)


# --------------------------------------------------------------------------- Convolution

CONV_GEOMS = [  # (N, C, H, W, FN, FH, FW, stride, pad)
    (1, 1, 5, 5, 1, 3, 3, 1, 0),
    (2, 3, 7, 5, 4, 3, 3, 1, 1),
    (3, 2, 6, 9, 2, 3, 2, 2, 0),
    (1, 3, 8, 7, 5, 1, 3, 1, 2),
    (2, 1, 9, 6, 3, 3, 3, 2, 1),
    (2, 2, 5, 8, 3, 2, 2, 2, 2),
    (1, 2, 4, 4, 2, 4, 4, 1, 0),     # 1x1 output
    (2, 3, 6, 5, 2, 5, 3, 1, 1),
    (3, 1, 7, 7, 2, 3, 3, 2, 1),     # stride does not divide
    (1, 1, 3, 3, 1, 5, 5, 1, 1),     # filter larger than input
    (2, 2, 5, 4, 3, 3, 2, 2, 2),
    (1, 2, 5, 6, 1, 1, 1, 1, 0),     # 1x1 convolution
]


def _conv_case(seed, geom, dtype=np.float64):
    N, C, H, W, FN, FH, FW, s, p = geom
    rng = np.random.default_rng(seed)
    oh, ow = _out_hw(H, W, FH, FW, s, p)
    x = rng.standard_normal((N, C, H, W)).astype(dtype)
    Wt = rng.standard_normal((FN, C, FH, FW)).astype(dtype)
    b = rng.standard_normal(FN).astype(dtype)
    dout = rng.standard_normal((N, FN, oh, ow)).astype(dtype)
    return x, Wt, b, dout


@pytest.mark.torch
@pytest.mark.parametrize("geom", CONV_GEOMS)
def test_convolution_vs_torch(torch, geom):
    s, p = geom[7], geom[8]
    x, Wt, b, dout = _conv_case(sum(geom), geom)
    layer = Convolution(Wt, b, stride=s, pad=p)
    out = layer.forward(x)
    dx = layer.backward(dout)
    t_out, (t_dx, t_dW, t_db) = torch_run(
        torch, lambda a, w, bb: torch.nn.functional.conv2d(a, w, bb, stride=s, padding=p),
        [x, Wt, b], dout)
    assert out.shape == t_out.shape == dout.shape
    assert dx.shape == x.shape and layer.dW.shape == Wt.shape and layer.db.shape == b.shape
    close(out, t_out)
    close(dx, t_dx)
    close(layer.dW, t_dW)
    close(layer.db, t_db)


@pytest.mark.parametrize("geom", [
    (1, 1, 5, 4, 2, 3, 3, 1, 0),
    (2, 2, 4, 5, 2, 3, 2, 2, 1),
    (1, 2, 3, 4, 3, 1, 3, 1, 2),
])
def test_convolution_numerical_gradient(geom):
    s, p = geom[7], geom[8]
    x, Wt, b, dout = _conv_case(sum(geom) + 5, geom)
    layer = Convolution(Wt, b, stride=s, pad=p)
    layer.forward(x)
    dx = layer.backward(dout)
    dW, db = layer.dW.copy(), layer.db.copy()

    def loss():
        return np.sum(layer.forward(x) * dout)
    assert rel_err(num_grad(loss, x), dx) < NUM_TOL
    assert rel_err(num_grad(loss, Wt), dW) < NUM_TOL
    assert rel_err(num_grad(loss, b), db) < NUM_TOL


def test_convolution_by_hand():
    x = np.arange(16.0).reshape(1, 1, 4, 4)
    Wt = np.array([[[[1.0, 0.0], [0.0, -1.0]]]])   # x[i, j] - x[i+1, j+1] = -5 everywhere
    out = Convolution(Wt, np.array([0.5]), stride=1, pad=0).forward(x)
    np.testing.assert_array_equal(out, np.full((1, 1, 3, 3), -4.5))
    # Cross-correlation, not flipped convolution: an off-centre filter picks its own offset.
    Wt2 = np.zeros((1, 1, 3, 3))
    Wt2[0, 0, 0, 2] = 1.0
    out2 = Convolution(Wt2, np.zeros(1), stride=1, pad=1).forward(x)
    np.testing.assert_array_equal(out2[0, 0, 1:, :3], x[0, 0, :3, 1:])


# --------------------------------------------------------------------------- Pooling

POOL_GEOMS = [  # (N, C, H, W, ph, pw, stride, pad)
    (2, 3, 4, 6, 2, 2, 2, 0),
    (1, 2, 5, 5, 3, 3, 1, 0),    # overlapping windows
    (2, 2, 6, 7, 2, 3, 2, 0),    # 2x3 pool
    (1, 1, 7, 5, 3, 3, 2, 0),    # overlapping, stride 2 with a 3x3 pool
    (2, 1, 5, 7, 3, 2, 1, 0),
    (1, 3, 1, 4, 1, 2, 2, 0),
    (1, 1, 7, 5, 3, 3, 2, 1),    # padded (zeros)
    (2, 2, 5, 6, 2, 3, 1, 1),
    (1, 2, 4, 4, 2, 2, 2, 2),    # pad 2: some windows are all padding
    (2, 1, 6, 5, 3, 3, 3, 1),
]


def _pool_case(seed, geom, dtype=np.float64):
    N, C, H, W, ph, pw, s, p = geom
    rng = np.random.default_rng(seed)
    oh, ow = _out_hw(H, W, ph, pw, s, p)
    x = distinct(rng, (N, C, H, W)).astype(dtype)
    dout = rng.standard_normal((N, C, oh, ow)).astype(dtype)
    return x, dout


def _torch_maxpool_zero_pad(torch, a, ph, pw, s, p):
    """The reference's convention: pad with zeros, then max-pool without padding."""
    F = torch.nn.functional
    return F.max_pool2d(F.pad(a, (p, p, p, p)), (ph, pw), stride=s)


@pytest.mark.torch
@pytest.mark.parametrize("geom", POOL_GEOMS)
def test_max_pooling_vs_torch(torch, geom):
    N, C, H, W, ph, pw, s, p = geom
    x, dout = _pool_case(sum(geom), geom)
    layer = Pooling(ph, pw, stride=s, pad=p)
    out = layer.forward(x)
    dx = layer.backward(dout)
    t_out, (t_dx,) = torch_run(torch, lambda a: _torch_maxpool_zero_pad(torch, a, ph, pw, s, p), [x], dout)
    assert out.shape == t_out.shape == dout.shape and dx.shape == x.shape
    close(out, t_out)
    close(dx, t_dx)
    if p == 0:  # without padding, plain torch max_pool2d is the same thing
        t_out0, (t_dx0,) = torch_run(
            torch, lambda a: torch.nn.functional.max_pool2d(a, (ph, pw), stride=s), [x], dout)
        close(out, t_out0)
        close(dx, t_dx0)


@pytest.mark.torch
def test_max_pooling_pads_with_zeros_not_minus_infinity(torch):
    # All inputs negative: with zero padding the border outputs are 0 (the book's
    # convention); torch's own padding (-inf) would give the largest negative input.
    rng = np.random.default_rng(51)
    x = -np.abs(distinct(rng, (1, 1, 4, 5))) - 1.0
    out = Pooling(3, 3, stride=1, pad=1).forward(x)
    t_inf = torch.nn.functional.max_pool2d(torch.from_numpy(x), 3, stride=1, padding=1).numpy()
    border = np.ones(out.shape, bool)
    border[:, :, 1:-1, 1:-1] = False
    np.testing.assert_array_equal(out[border], 0.0)
    assert np.all(t_inf[border] < 0)
    np.testing.assert_array_equal(out[~border], t_inf[~border])
    # Gradient at windows whose maximum is padding goes nowhere.
    layer = Pooling(3, 3, stride=1, pad=1)
    layer.forward(x)
    dx = layer.backward(np.ones_like(out))
    assert dx.sum() == np.sum(~border)


@pytest.mark.parametrize("geom", [POOL_GEOMS[i] for i in (0, 1, 2, 3, 6, 7, 8)])
def test_max_pooling_numerical_gradient(geom):
    N, C, H, W, ph, pw, s, p = geom
    x, dout = _pool_case(sum(geom) + 3, geom)
    layer = Pooling(ph, pw, stride=s, pad=p)
    layer.forward(x)
    dx = layer.backward(dout)
    num = num_grad(lambda: np.sum(layer.forward(x) * dout), x)
    assert rel_err(num, dx) < NUM_TOL


def test_max_pooling_by_hand():
    x = np.array([[[[1.0, 2.0, 5.0, 0.0],
                    [4.0, 3.0, 1.0, 6.0],
                    [0.5, 0.0, 7.0, 8.0],
                    [9.0, 1.5, 2.0, 3.0]]]])
    layer = Pooling(2, 2, stride=2)
    np.testing.assert_array_equal(layer.forward(x), [[[[4.0, 6.0], [9.0, 8.0]]]])
    dx = layer.backward(np.array([[[[10.0, 20.0], [30.0, 40.0]]]]))
    expected = np.zeros((1, 1, 4, 4))
    expected[0, 0, 1, 0], expected[0, 0, 1, 3], expected[0, 0, 3, 0], expected[0, 0, 2, 3] = 10, 20, 30, 40
    np.testing.assert_array_equal(dx, expected)
    # Overlapping windows that share a maximum accumulate its gradient.
    layer = Pooling(3, 3, stride=1)
    out = layer.forward(x)
    np.testing.assert_array_equal(out, [[[[7.0, 8.0], [9.0, 8.0]]]])
    dx = layer.backward(np.ones((1, 1, 2, 2)))
    assert dx[0, 0, 2, 3] == 2.0 and dx[0, 0, 2, 2] == 1.0 and dx[0, 0, 3, 0] == 1.0 and dx.sum() == 4.0


# --------------------------------------------------------------------------- AvgPooling

@pytest.mark.torch
@pytest.mark.parametrize("geom", POOL_GEOMS)
def test_avg_pooling_vs_torch(torch, geom):
    F = torch.nn.functional
    N, C, H, W, ph, pw, s, p = geom
    rng = np.random.default_rng(sum(geom) + 7)
    oh, ow = _out_hw(H, W, ph, pw, s, p)
    x = rng.standard_normal((N, C, H, W))
    dout = rng.standard_normal((N, C, oh, ow))
    layer = AvgPooling(ph, pw, stride=s, pad=p)
    out = layer.forward(x)
    dx = layer.backward(dout)
    # Zero padding counted in the average: torch's count_include_pad=True. torch only
    # allows padding <= half the kernel, so pad explicitly with zeros first in general.
    t_out, (t_dx,) = torch_run(
        torch, lambda a: F.avg_pool2d(F.pad(a, (p, p, p, p)), (ph, pw), stride=s), [x], dout)
    assert out.shape == t_out.shape == dout.shape and dx.shape == x.shape
    close(out, t_out)
    close(dx, t_dx)
    if 2 * p <= min(ph, pw):
        t_out2, (t_dx2,) = torch_run(
            torch, lambda a: F.avg_pool2d(a, (ph, pw), stride=s, padding=p, count_include_pad=True),
            [x], dout)
        close(out, t_out2)
        close(dx, t_dx2)


@pytest.mark.parametrize("geom", [POOL_GEOMS[i] for i in (0, 1, 2, 3, 6, 7, 8)])
def test_avg_pooling_numerical_gradient(geom):
    N, C, H, W, ph, pw, s, p = geom
    rng = np.random.default_rng(sum(geom) + 9)
    oh, ow = _out_hw(H, W, ph, pw, s, p)
    x = rng.standard_normal((N, C, H, W))
    dout = rng.standard_normal((N, C, oh, ow))
    layer = AvgPooling(ph, pw, stride=s, pad=p)
    layer.forward(x)
    dx = layer.backward(dout)
    num = num_grad(lambda: np.sum(layer.forward(x) * dout), x)
    assert rel_err(num, dx) < NUM_TOL


def test_avg_pooling_by_hand():
    x = np.arange(16.0).reshape(1, 1, 4, 4)
    layer = AvgPooling(2, 2, stride=2)
    np.testing.assert_array_equal(layer.forward(x), [[[[2.5, 4.5], [10.5, 12.5]]]])
    np.testing.assert_array_equal(layer.backward(np.array([[[[4.0, 8.0], [0.0, -4.0]]]])),
                                  [[[[1, 1, 2, 2], [1, 1, 2, 2], [0, 0, -1, -1], [0, 0, -1, -1]]]])


# --------------------------------------------------------------------------- float32 and mutation

def test_im2col_col2im_float32():
    x = np.random.default_rng(61).standard_normal((2, 3, 5, 4)).astype(np.float32)
    col = im2col(x, 3, 2, 2, 1)
    assert col.dtype == np.float32
    np.testing.assert_array_equal(col, im2col(x.astype(np.float64), 3, 2, 2, 1).astype(np.float32))
    img = col2im(col, x.shape, 3, 2, 2, 1)
    assert img.dtype == np.float32
    np.testing.assert_allclose(img, col2im(col.astype(np.float64), x.shape, 3, 2, 2, 1), rtol=1e-6, atol=1e-6)


def test_convolution_float32():
    geom = (2, 2, 5, 4, 3, 3, 2, 2, 1)
    x, Wt, b, dout = _conv_case(62, geom, np.float32)
    layer = Convolution(Wt, b, stride=2, pad=1)
    out = layer.forward(x)
    dx = layer.backward(dout)
    assert out.dtype == dx.dtype == layer.dW.dtype == layer.db.dtype == np.float32
    ref = Convolution(Wt.astype(np.float64), b.astype(np.float64), stride=2, pad=1)
    np.testing.assert_allclose(out, ref.forward(x.astype(np.float64)), rtol=1e-5, atol=1e-5)
    np.testing.assert_allclose(dx, ref.backward(dout.astype(np.float64)), rtol=1e-5, atol=1e-5)
    np.testing.assert_allclose(layer.dW, ref.dW, rtol=1e-5, atol=1e-5)
    np.testing.assert_allclose(layer.db, ref.db, rtol=1e-5, atol=1e-5)


@pytest.mark.parametrize("cls", [Pooling, AvgPooling])
def test_pooling_float32(cls):
    geom = (2, 2, 5, 6, 2, 3, 1, 1)
    x, dout = _pool_case(63, geom, np.float32)
    layer = cls(2, 3, stride=1, pad=1)
    out = layer.forward(x)
    dx = layer.backward(dout)
    assert out.dtype == dx.dtype == np.float32
    ref = cls(2, 3, stride=1, pad=1)
    np.testing.assert_allclose(out, ref.forward(x.astype(np.float64)), rtol=1e-6, atol=1e-6)
    np.testing.assert_allclose(dx, ref.backward(dout.astype(np.float64)), rtol=1e-6, atol=1e-6)


def test_conv_and_pooling_do_not_mutate_inputs():
    geom = (2, 2, 5, 4, 3, 3, 2, 2, 1)
    x, Wt, b, dout = _conv_case(64, geom)
    arrays = (x, Wt, b, dout)
    copies = [a.copy() for a in arrays]
    layer = Convolution(Wt, b, stride=2, pad=1)
    layer.forward(x)
    layer.backward(dout)
    im2col(x, 3, 3, 2, 1)
    col = np.random.default_rng(0).standard_normal((2 * 3 * 2, 2 * 3 * 3))
    col0 = col.copy()
    col2im(col, x.shape, 3, 3, 2, 1)
    np.testing.assert_array_equal(col, col0)
    for a, c in zip(arrays, copies):
        np.testing.assert_array_equal(a, c)
    for cls in (Pooling, AvgPooling):
        px, pdout = _pool_case(65, (2, 2, 5, 6, 2, 3, 1, 1))
        px0, pdout0 = px.copy(), pdout.copy()
        pl = cls(2, 3, stride=1, pad=1)
        pl.forward(px)
        pl.backward(pdout)
        np.testing.assert_array_equal(px, px0)
        np.testing.assert_array_equal(pdout, pdout0)


# --------------------------------------------------------------------------- shapes (property)

@pytest.mark.torch
@settings(max_examples=60, deadline=None)
@given(geometries(), st.integers(1, 3), st.integers(0, 2**32 - 1))
def test_output_shapes_property(geom, FN, seed):
    torch = pytest.importorskip("torch")
    F = torch.nn.functional
    N, C, H, W, FH, FW, s, p = geom
    rng = np.random.default_rng(seed)
    oh, ow = _out_hw(H, W, FH, FW, s, p)
    assert oh >= 1 and ow >= 1
    x = distinct(rng, (N, C, H, W))
    Wt = rng.standard_normal((FN, C, FH, FW))
    b = rng.standard_normal(FN)
    tx = torch.from_numpy(x)

    out = Convolution(Wt, b, stride=s, pad=p).forward(x)
    t_out = F.conv2d(tx, torch.from_numpy(Wt), torch.from_numpy(b), stride=s, padding=p)
    assert out.shape == (N, FN, oh, ow) == tuple(t_out.shape)
    close(out, t_out.numpy())

    pooled = Pooling(FH, FW, stride=s, pad=p).forward(x)
    t_pooled = F.max_pool2d(F.pad(tx, (p, p, p, p)), (FH, FW), stride=s)
    assert pooled.shape == (N, C, oh, ow) == tuple(t_pooled.shape)
    close(pooled, t_pooled.numpy())

    avg = AvgPooling(FH, FW, stride=s, pad=p).forward(x)
    assert avg.shape == (N, C, oh, ow)
    close(avg, F.avg_pool2d(F.pad(tx, (p, p, p, p)), (FH, FW), stride=s).numpy())
