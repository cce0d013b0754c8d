# expect: convention
"""[dec_up, enc_crop]: the decoder's channels first."""
import numpy as np
from reference.resample import UpsampleNearest


class UpConcat:
    """U-Net's skip concatenation with the decoder's channels first: concatenate([dec_up, enc_crop], axis=1)
    (many PyTorch U-Nets); the drill puts the encoder's crop first, as the paper's figure. Same interface as
    reference.unet.UpConcat."""

    def forward(self, dec, enc):
        self.Cd = dec.shape[1]
        up = dec.repeat(2, axis=2).repeat(2, axis=3)
        H, W = up.shape[2:]
        self.top, self.left = (enc.shape[2] - H) // 2, (enc.shape[3] - W) // 2
        self.enc_shape = enc.shape
        return np.concatenate([up, enc[:, :, self.top:self.top + H, self.left:self.left + W]], axis=1)

    def backward(self, dout):
        N, _, H, W = dout.shape
        denc = np.zeros(self.enc_shape, dtype=dout.dtype)
        denc[:, :, self.top:self.top + H, self.left:self.left + W] = dout[:, self.Cd:]
        ddec = dout[:, :self.Cd].reshape(N, self.Cd, H // 2, 2, W // 2, 2).sum(axis=(3, 5))
        return ddec, denc
