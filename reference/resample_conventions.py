"""The other legitimate conventions of the resampling drills (problems' `conventions:`): an answer that fails
but behaves exactly like one of these is told which convention it follows."""
import numpy as np

from reference.conv import im2col, col2im


class UpsampleBilinearAlignCorners:
    """Bilinear upsampling with align_corners=True: the corner pixels of input and output coincide,
    source = i * (H - 1) / (H*scale - 1). x: (N, C, H, W) -> (N, C, H*scale, W*scale)."""

    def __init__(self, scale=2):
        self.scale = scale

    @staticmethod
    def _matrix(size, scale):
        n = size * scale
        src = np.arange(n) * (size - 1) / (n - 1) if n > 1 else np.zeros(1)
        i0 = np.minimum(np.floor(src).astype(int), size - 1)
        i1 = np.minimum(i0 + 1, size - 1)
        lam = src - i0
        A = np.zeros((n, size))
        np.add.at(A, (np.arange(n), i0), 1 - lam)
        np.add.at(A, (np.arange(n), i1), lam)
        return A

    def forward(self, x):
        self.Ah = self._matrix(x.shape[2], self.scale)
        self.Aw = self._matrix(x.shape[3], self.scale)
        return np.einsum('ih,nchw,jw->ncij', self.Ah, x, self.Aw)

    def backward(self, dout):
        return np.einsum('ih,ncij,jw->nchw', self.Ah, dout, self.Aw)


class LpPoolingMean:
    """Generalised-mean (power-mean, GeM) pooling: (mean |x|^p)^(1/p), the window's size inside the root."""

    def __init__(self, p, pool_h, pool_w, stride=1, pad=0):
        self.p, self.pool_h, self.pool_w, self.stride, self.pad = p, pool_h, pool_w, stride, pad

    def forward(self, x):
        N, C, H, W = x.shape
        out_h = (H + 2 * self.pad - self.pool_h) // self.stride + 1
        out_w = (W + 2 * self.pad - self.pool_w) // self.stride + 1
        col = im2col(x, self.pool_h, self.pool_w, self.stride, self.pad).reshape(-1, self.pool_h * self.pool_w)
        self.col, self.shape = col, x.shape
        self.out = np.mean(np.abs(col) ** self.p, axis=1) ** (1 / self.p)
        return self.out.reshape(N, out_h, out_w, C).transpose(0, 3, 1, 2)

    def backward(self, dout):
        k = self.pool_h * self.pool_w
        d = dout.transpose(0, 2, 3, 1).reshape(-1, 1)
        dcol = d / k * (np.abs(self.col) / self.out[:, None]) ** (self.p - 1) * np.sign(self.col)
        return col2im(dcol.reshape(-1, self.shape[1] * k), self.shape, self.pool_h, self.pool_w, self.stride, self.pad)


class UpConcatDecoderFirst:
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
