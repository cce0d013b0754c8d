"""reference.resnet against PyTorch autograd of the same composition (F.conv2d, F.relu, +), for the v1 blocks and
the conventions in reference.resnet_conventions (torchvision is not a dependency, so the blocks are written out)."""
import numpy as np
import pytest

from reference import resnet, resnet_conventions

torch = pytest.importorskip("torch")
F = torch.nn.functional


def _basic_v1(x, W1, b1, W2, b2, stride, Ws, bs):
    h = F.conv2d(F.relu(F.conv2d(x, W1, b1, stride=stride, padding=1)), W2, b2, padding=1)
    s = x if Ws is None else F.conv2d(x, Ws, bs, stride=stride)
    return F.relu(h + s)


def _basic_v2(x, W1, b1, W2, b2, stride, Ws, bs):
    h = F.conv2d(F.relu(F.conv2d(F.relu(x), W1, b1, stride=stride, padding=1)), W2, b2, padding=1)
    return h + (x if Ws is None else F.conv2d(x, Ws, bs, stride=stride))


def _bottleneck(x, W1, b1, W2, b2, W3, b3, stride, Ws, bs, stride_first=False):
    s1, s2 = (stride, 1) if stride_first else (1, stride)
    h = F.relu(F.conv2d(x, W1, b1, stride=s1))
    h = F.relu(F.conv2d(h, W2, b2, stride=s2, padding=1))
    h = F.conv2d(h, W3, b3)
    s = x if Ws is None else F.conv2d(x, Ws, bs, stride=stride)
    return F.relu(h + s)


def _compare(layer, torch_fn, x, weights, convs, rng):
    """forward, dx and every conv's dW, db against torch autograd. weights: [W1, b1, ...] in the order of convs."""
    out = layer.forward(x)
    dout = rng.normal(size=out.shape)
    tx = torch.tensor(x, requires_grad=True)
    tw = [None if w is None else torch.tensor(w, requires_grad=True) for w in weights]
    t_out = torch_fn(tx, *tw)
    t_out.backward(torch.tensor(dout))
    np.testing.assert_allclose(out, t_out.detach().numpy(), rtol=1e-10, atol=1e-12)
    np.testing.assert_allclose(layer.backward(dout.copy()), tx.grad.numpy(), rtol=1e-10, atol=1e-12)
    for conv, (tW, tb) in zip(convs, zip(tw[0::2], tw[1::2])):
        np.testing.assert_allclose(conv.dW, tW.grad.numpy(), rtol=1e-10, atol=1e-12)
        np.testing.assert_allclose(conv.db, tb.grad.numpy(), rtol=1e-10, atol=1e-12)


def _w(rng, *shape):
    return rng.normal(size=shape) * 0.3


@pytest.mark.parametrize("v2", [False, True])
@pytest.mark.parametrize("c_in, c_out, stride, project", [(3, 3, 1, False), (2, 4, 2, True), (3, 3, 1, True)])
def test_basic_block_matches_torch(c_in, c_out, stride, project, v2):
    rng = np.random.default_rng(0)
    x = rng.normal(size=(2, c_in, 5, 6))
    W1, b1, W2, b2 = _w(rng, c_out, c_in, 3, 3), _w(rng, c_out), _w(rng, c_out, c_out, 3, 3), _w(rng, c_out)
    Ws, bs = (_w(rng, c_out, c_in, 1, 1), _w(rng, c_out)) if project else (None, None)
    cls = resnet_conventions.PreActResidualBlock if v2 else resnet.ResidualBlock
    layer = cls(W1, b1, W2, b2, stride, Ws, bs)
    convs = [layer.conv1, layer.conv2] + ([layer.shortcut] if project else [])
    fn = _basic_v2 if v2 else _basic_v1
    weights = [W1, b1, W2, b2] + ([Ws, bs] if project else [])
    _compare(layer, lambda tx, *t: fn(tx, *t[:4], stride, *(t[4:] if project else (None, None))), x, weights, convs, rng)


@pytest.mark.parametrize("stride_first", [False, True])
@pytest.mark.parametrize("c_in, c_mid, stride, project", [(8, 2, 1, False), (4, 2, 2, True), (6, 3, 1, True)])
def test_bottleneck_matches_torch(c_in, c_mid, stride, project, stride_first):
    rng = np.random.default_rng(1)
    x = rng.normal(size=(2, c_in, 6, 5))
    c_out = 4 * c_mid
    ws = [_w(rng, c_mid, c_in, 1, 1), _w(rng, c_mid), _w(rng, c_mid, c_mid, 3, 3), _w(rng, c_mid),
          _w(rng, c_out, c_mid, 1, 1), _w(rng, c_out)]
    Ws, bs = (_w(rng, c_out, c_in, 1, 1), _w(rng, c_out)) if project else (None, None)
    cls = resnet_conventions.BottleneckStrideFirst if stride_first else resnet.Bottleneck
    layer = cls(*ws, stride, Ws, bs)
    assert layer.forward(x).shape[1] == 4 * c_mid
    convs = [layer.conv1, layer.conv2, layer.conv3] + ([layer.shortcut] if project else [])
    _compare(layer, lambda tx, *t: _bottleneck(tx, *t[:6], stride, *(t[6:] if project else (None, None)),
                                               stride_first=stride_first),
             x, ws + ([Ws, bs] if project else []), convs, rng)


def test_identity_shortcut_passes_the_gradient_unchanged_where_the_output_is_positive():
    """With zero weights the block is relu(x): the shortcut alone carries the gradient (the point of ResNets)."""
    rng = np.random.default_rng(2)
    x = np.abs(rng.normal(size=(1, 2, 3, 3))) + 0.1
    z = np.zeros
    block = resnet.ResidualBlock(z((2, 2, 3, 3)), z(2), z((2, 2, 3, 3)), z(2))
    np.testing.assert_allclose(block.forward(x), x)
    dout = rng.normal(size=x.shape)
    np.testing.assert_allclose(block.backward(dout.copy()), dout)


def test_bottleneck_parameter_count():
    """ResNet-50's conv2_x block with C_in = 256, C_mid = 64: 1x1 (256->64), 3x3 (64->64), 1x1 (64->256), with
    biases: 16448 + 36928 + 16640 = 70016 (a basic block of two 3x3 convolutions at 256 channels has 1180160)."""
    rng = np.random.default_rng(3)
    shapes = [(64, 256, 1, 1), (64,), (64, 64, 3, 3), (64,), (256, 64, 1, 1), (256,)]
    block = resnet.Bottleneck(*[np.zeros(s) for s in shapes])
    total = sum(c.W.size + c.b.size for c in (block.conv1, block.conv2, block.conv3))
    assert total == 70016
