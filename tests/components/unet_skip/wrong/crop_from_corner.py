# expect: values
"""The encoder's map cut from the top-left corner instead of its centre."""
import numpy as np
from reference.resample import UpsampleNearest


class UpConcat:
    """dec: (N, C_dec, H, W), enc: (N, C_enc, H_enc, W_enc) with H_enc >= 2H, W_enc >= 2W.

    forward upsamples dec by 2 (nearest), cuts the centre (2H, 2W) of enc, starting
    (H_enc - 2H) // 2 rows from the top and (W_enc - 2W) // 2 columns from the
    left, and returns np.concatenate([enc_crop, dec_up], axis=1):
    (N, C_enc + C_dec, 2H, 2W). backward(dout) returns (ddec, denc): the channels
    split back, the crop's gradient written through a view (dcrop) into a zero map of
    enc's shape.
    """

    def __init__(self):
        self.up = UpsampleNearest(2)
        self.enc_shape = None
        self.top = None
        self.left = None

    def forward(self, dec, enc):
        dec_up = self.up.forward(dec)
        N, C, H, W = dec_up.shape
        top = 0
        left = 0
        enc_crop = enc[:, :, top:top + H, left:left + W]

        self.enc_shape = enc.shape
        self.top, self.left = top, left
        return np.concatenate([enc_crop, dec_up], axis=1)

    def backward(self, dout):
        C_enc = self.enc_shape[1]
        H, W = dout.shape[2], dout.shape[3]
        denc = np.zeros(self.enc_shape, dtype=dout.dtype)
        dcrop = denc[:, :, self.top:self.top + H, self.left:self.left + W]
        dcrop[...] = dout[:, :C_enc]
        ddec = self.up.backward(dout[:, C_enc:])
        return ddec, denc
