"""reference.unet against PyTorch: F.interpolate (nearest), slicing and torch.cat with autograd; and the
decoder-first convention."""
import numpy as np
import pytest

from reference.unet import UpConcat
from reference.resample_conventions import UpConcatDecoderFirst

torch = pytest.importorskip("torch")
F = torch.nn.functional


def _torch(dec, enc, dout, enc_first=True):
    td, te = torch.tensor(dec, requires_grad=True), torch.tensor(enc, requires_grad=True)
    up = F.interpolate(td, scale_factor=2, mode='nearest')
    H, W = up.shape[2:]
    top, left = (enc.shape[2] - H) // 2, (enc.shape[3] - W) // 2
    crop = te[:, :, top:top + H, left:left + W]
    out = torch.cat([crop, up] if enc_first else [up, crop], dim=1)
    out.backward(torch.tensor(dout))
    return out.detach().numpy(), td.grad.numpy(), te.grad.numpy()


@pytest.mark.parametrize("dec_shape, enc_shape", [((2, 3, 2, 3), (2, 2, 8, 12)), ((1, 2, 3, 3), (1, 4, 6, 6)),
                                                  ((2, 1, 2, 2), (2, 3, 7, 5))])
@pytest.mark.parametrize("enc_first", [True, False])
def test_up_concat_matches_torch(dec_shape, enc_shape, enc_first):
    rng = np.random.default_rng(0)
    dec, enc = rng.normal(size=dec_shape), rng.normal(size=enc_shape)
    layer = UpConcat() if enc_first else UpConcatDecoderFirst()
    out = layer.forward(dec, enc)
    dout = rng.normal(size=out.shape)
    t_out, t_ddec, t_denc = _torch(dec, enc, dout, enc_first)
    np.testing.assert_allclose(out, t_out)
    ddec, denc = layer.backward(dout.copy())
    np.testing.assert_allclose(ddec, t_ddec)
    np.testing.assert_allclose(denc, t_denc)


def test_crop_is_the_centre_by_hand():
    enc = np.arange(36.0).reshape(1, 1, 6, 6)
    out = UpConcat().forward(np.zeros((1, 1, 2, 2)), enc)
    np.testing.assert_array_equal(out[0, 0], enc[0, 0, 1:5, 1:5])
