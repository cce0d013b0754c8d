"""reference.conv_special against PyTorch: F.conv2d (1x1, groups, dilation), F.conv_transpose2d, and autograd
for every backward."""
import numpy as np
import pytest

from reference import conv_special

torch = pytest.importorskip("torch")
F = torch.nn.functional


def _torch_grads(fn, x, W, b, dout):
    tx, tW, tb = (torch.tensor(a, requires_grad=True) for a in (x, W, b))
    out = fn(tx, tW, tb)
    out.backward(torch.tensor(dout))
    return out.detach().numpy(), tx.grad.numpy(), tW.grad.numpy(), tb.grad.numpy()


def _check_layer(layer, x, expected_fn, W, b, rng):
    out = layer.forward(x)
    dout = rng.normal(size=out.shape)
    t_out, t_dx, t_dW, t_db = _torch_grads(expected_fn, x, W, b, dout)
    np.testing.assert_allclose(out, t_out, rtol=1e-10, atol=1e-12)
    dx = layer.backward(dout.copy())
    np.testing.assert_allclose(dx, t_dx, rtol=1e-10, atol=1e-12)
    np.testing.assert_allclose(layer.dW, t_dW, rtol=1e-10, atol=1e-12)
    np.testing.assert_allclose(layer.db, t_db, rtol=1e-10, atol=1e-12)


CONV_SHAPES = [((2, 3, 5, 6), (4, 3, 3, 3), 1, 1), ((2, 2, 7, 6), (3, 2, 3, 2), 2, 1),
               ((1, 1, 6, 5), (2, 1, 3, 2), 1, 0), ((3, 2, 5, 7), (2, 2, 1, 3), 2, 2)]


@pytest.mark.parametrize("xs, ws, stride, pad", CONV_SHAPES)
def test_naive_convolution_matches_torch(xs, ws, stride, pad):
    rng = np.random.default_rng(0)
    x, W, b = rng.normal(size=xs), rng.normal(size=ws), rng.normal(size=ws[0])
    layer = conv_special.NaiveConvolution(W, b, stride, pad)
    _check_layer(layer, x, lambda tx, tW, tb: F.conv2d(tx, tW, tb, stride=stride, padding=pad), W, b, rng)


@pytest.mark.parametrize("c_in, c_out", [(4, 3), (3, 3), (1, 5)])
def test_pointwise_convolution_is_a_1x1_conv2d(c_in, c_out):
    rng = np.random.default_rng(1)
    x, W, b = rng.normal(size=(2, c_in, 3, 5)), rng.normal(size=(c_out, c_in)), rng.normal(size=c_out)
    layer = conv_special.PointwiseConvolution(W, b)
    _check_layer(layer, x, lambda tx, tW, tb: F.conv2d(tx, tW[:, :, None, None], tb), W, b, rng)
    # and a plain per-pixel matrix product
    np.testing.assert_allclose(layer.forward(x), np.einsum('nchw,oc->nohw', x, W) + b[:, None, None])


@pytest.mark.parametrize("xs, k, stride, pad", [((2, 3, 5, 6), (3, 3), 1, 1), ((1, 4, 7, 6), (3, 2), 2, 1),
                                                 ((3, 2, 4, 5), (2, 2), 1, 0)])
def test_depthwise_convolution_is_conv2d_with_groups_c(xs, k, stride, pad):
    rng = np.random.default_rng(2)
    C = xs[1]
    x, W, b = rng.normal(size=xs), rng.normal(size=(C, 1) + k), rng.normal(size=C)
    layer = conv_special.DepthwiseConvolution(W, b, stride, pad)
    _check_layer(layer, x, lambda tx, tW, tb: F.conv2d(tx, tW, tb, stride=stride, padding=pad, groups=C), W, b, rng)


@pytest.mark.parametrize("xs, fn, groups, k, stride, pad", [((2, 4, 5, 6), 6, 2, (3, 3), 1, 1),
                                                             ((1, 6, 7, 5), 3, 3, (3, 2), 2, 1),
                                                             ((2, 4, 4, 4), 4, 4, (2, 2), 1, 0),
                                                             ((2, 3, 4, 5), 2, 1, (3, 3), 1, 1)])
def test_grouped_convolution_matches_torch_groups(xs, fn, groups, k, stride, pad):
    rng = np.random.default_rng(3)
    x, W, b = rng.normal(size=xs), rng.normal(size=(fn, xs[1] // groups) + k), rng.normal(size=fn)
    layer = conv_special.GroupedConvolution(W, b, groups, stride, pad)
    _check_layer(layer, x, lambda tx, tW, tb: F.conv2d(tx, tW, tb, stride=stride, padding=pad, groups=groups),
                 W, b, rng)


@pytest.mark.parametrize("xs, ws, stride, pad, d", [((2, 3, 9, 8), (4, 3, 3, 3), 1, 2, 2),
                                                     ((1, 2, 11, 10), (3, 2, 3, 2), 2, 1, 3),
                                                     ((2, 2, 6, 7), (2, 2, 2, 3), 1, 0, 1),
                                                     ((2, 1, 8, 9), (2, 1, 2, 2), 3, 1, 2)])
def test_dilated_convolution_matches_torch_dilation(xs, ws, stride, pad, d):
    rng = np.random.default_rng(4)
    x, W, b = rng.normal(size=xs), rng.normal(size=ws), rng.normal(size=ws[0])
    layer = conv_special.DilatedConvolution(W, b, stride, pad, d)
    _check_layer(layer, x, lambda tx, tW, tb: F.conv2d(tx, tW, tb, stride=stride, padding=pad, dilation=d),
                 W, b, rng)


@pytest.mark.parametrize("xs, ws, stride, pad", [((2, 3, 4, 5), (3, 2, 3, 3), 2, 1), ((1, 2, 3, 3), (2, 4, 4, 4), 2, 1),
                                                 ((2, 2, 3, 4), (2, 3, 3, 2), 1, 0), ((1, 3, 2, 3), (3, 2, 3, 3), 3, 0),
                                                 ((2, 1, 4, 3), (1, 2, 5, 3), 2, 2)])
def test_transposed_convolution_matches_torch_and_its_output_size(xs, ws, stride, pad):
    rng = np.random.default_rng(5)
    x, W, b = rng.normal(size=xs), rng.normal(size=ws), rng.normal(size=ws[1])
    layer = conv_special.TransposedConvolution(W, b, stride, pad)
    out = layer.forward(x)
    assert out.shape[2:] == ((xs[2] - 1) * stride - 2 * pad + ws[2], (xs[3] - 1) * stride - 2 * pad + ws[3])
    _check_layer(layer, x, lambda tx, tW, tb: F.conv_transpose2d(tx, tW, tb, stride=stride, padding=pad),
                 W, b, rng)


def test_transposed_convolution_is_the_adjoint_of_convolution():
    """<conv(y), x> = <y, conv_transpose(x)> with the same W, stride and pad (no bias)."""
    rng = np.random.default_rng(6)
    W = rng.normal(size=(3, 2, 3, 3))           # conv: 2 -> 3 channels; transposed: 3 -> 2
    y = rng.normal(size=(2, 2, 7, 7))
    conv = conv_special.NaiveConvolution(W, np.zeros(3), stride=2, pad=1)
    cy = conv.forward(y)
    x = rng.normal(size=cy.shape)
    tconv = conv_special.TransposedConvolution(W, np.zeros(2), stride=2, pad=1)
    tx = tconv.forward(x)
    assert tx.shape == y.shape
    np.testing.assert_allclose(np.sum(cy * x), np.sum(y * tx), rtol=1e-12)


def test_layers_leave_their_inputs_unchanged_and_keep_float32():
    rng = np.random.default_rng(7)
    x = rng.normal(size=(2, 4, 5, 5)).astype(np.float32)
    layers = [conv_special.NaiveConvolution(rng.normal(size=(2, 4, 3, 3)).astype(np.float32), np.zeros(2, np.float32)),
              conv_special.PointwiseConvolution(rng.normal(size=(3, 4)).astype(np.float32), np.zeros(3, np.float32)),
              conv_special.DepthwiseConvolution(rng.normal(size=(4, 1, 3, 3)).astype(np.float32), np.zeros(4, np.float32)),
              conv_special.GroupedConvolution(rng.normal(size=(4, 2, 3, 3)).astype(np.float32), np.zeros(4, np.float32), 2),
              conv_special.DilatedConvolution(rng.normal(size=(2, 4, 2, 2)).astype(np.float32), np.zeros(2, np.float32),
                                              dilation=2),
              conv_special.TransposedConvolution(rng.normal(size=(4, 2, 3, 3)).astype(np.float32), np.zeros(2, np.float32),
                                                 stride=2)]
    for layer in layers:
        x0 = x.copy()
        out = layer.forward(x)
        assert out.dtype == np.float32, type(layer).__name__
        dout = np.ones_like(out)
        dx = layer.backward(dout)
        assert dx.shape == x.shape and dx.dtype == np.float32, type(layer).__name__
        np.testing.assert_array_equal(x, x0)
