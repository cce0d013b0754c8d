"""Own upsampling by broadcasting, the output written into a preallocated array by channel slices."""
import numpy as np


class UpConcat:
    def forward(self, dec, enc):
        N, Cd, h, w = dec.shape
        Ce = enc.shape[1]
        H, W = 2 * h, 2 * w
        self.r0, self.c0 = (enc.shape[2] - H) // 2, (enc.shape[3] - W) // 2
        self.enc_shape, self.Ce = enc.shape, Ce
        out = np.empty((N, Ce + Cd, H, W), dtype=np.result_type(dec, enc))
        out[:, :Ce] = enc[:, :, self.r0:self.r0 + H, self.c0:self.c0 + W]
        out[:, Ce:] = np.broadcast_to(dec[:, :, :, None, :, None], (N, Cd, h, 2, w, 2)).reshape(N, Cd, H, W)
        return out

    def backward(self, dout):
        N, C, H, W = dout.shape
        denc = np.zeros(self.enc_shape, dtype=dout.dtype)
        denc[:, :, self.r0:self.r0 + H, self.c0:self.c0 + W] = dout[:, :self.Ce]
        ddec = dout[:, self.Ce:].reshape(N, C - self.Ce, H // 2, 2, W // 2, 2).sum(axis=(3, 5))
        return ddec, denc
