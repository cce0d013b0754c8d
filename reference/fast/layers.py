"""Fast forms of Relu, Affine and per-channel batch normalisation (the book's forms: reference/layers.py).

Same constructors, forward / backward and attributes as the book's layers; 4-D activations are (N, C, H, W) views
of channels-last (N, H, W, C) memory (reference.fast.layout), and large batches are split across the threads of
reference.fast.parallel.
"""
import numpy as np

from reference.fast import parallel
from reference.fast.layout import channels_last, nchw_view, scratch

EPS = 10e-7   # inside the square root, as the book's BatchNormalization


class Relu:
    """ReLU; the book's Relu, faster. x, dout: any shape (the same shape); the output keeps x's memory layout.

    The book keeps a boolean mask (x <= 0) and writes zeros through it (out[mask] = 0, dout[mask] = 0): a boolean
    index write is about 10x slower than one np.maximum pass, and its backward copies dout first. Here forward is
    one np.maximum pass and backward one np.multiply pass by the kept 0/1 mask, both split across the threads.
    """

    def __init__(self):
        self.mask = None     # x > 0 (the book keeps x <= 0), flat, channels last for 4-D x

    def forward(self, x):
        flat, to_api = _flat(x)
        out = np.empty_like(flat)
        mask = np.empty(flat.shape, dtype=bool)

        def part(lo, hi):
            np.greater(flat[lo:hi], 0, out=mask[lo:hi])
            np.maximum(flat[lo:hi], 0, out=out[lo:hi])

        parallel.run(part, len(flat), work=flat.size)
        self.mask = mask
        return to_api(out)

    def backward(self, dout):
        flat, to_api = _flat(dout)
        dx = np.empty_like(flat)

        def part(lo, hi):
            np.multiply(flat[lo:hi], self.mask[lo:hi], out=dx[lo:hi])

        parallel.run(part, len(flat), work=flat.size)
        return to_api(dx)


def _flat(x):
    """(1-D array over x's memory, channels last for 4-D x; a function giving a flat result x's API shape)."""
    if x.ndim == 4:
        img = channels_last(x)
        return img.reshape(-1), lambda a: nchw_view(a.reshape(img.shape))
    a = np.ascontiguousarray(x)
    return a.reshape(-1), lambda f: f.reshape(x.shape)


class Affine:
    """Fully connected layer out = x W + b; the book's Affine with the batch split across the threads.

    W: (D, M), b: (M,). x: (N, D) or (N, d1, d2, ...) flattened per sample in the book's (C, H, W) order.
    backward(dout): dout (N, M) -> dx in x's shape; dW (D, M) is the sum of the parts' x_part.T @ dout_part.
    The bias gradient uses np.einsum('ij->j'): dout.sum(axis=0) on a tall matrix is several times slower.
    """

    def __init__(self, W, b):
        self.W = W
        self.b = b
        self.x = None
        self.original_x_shape = None
        self.dW = None
        self.db = None

    def _work(self, n):
        return n * self.W.shape[0] * self.W.shape[1] // 8   # matrix products: weigh by their arithmetic

    def forward(self, x):
        self.original_x_shape = x.shape
        x = x.reshape(x.shape[0], -1)
        self.x = x
        out = np.empty((x.shape[0], self.W.shape[1]), dtype=np.result_type(x.dtype, self.W.dtype))

        def part(lo, hi):
            np.matmul(x[lo:hi], self.W, out=out[lo:hi])
            out[lo:hi] += self.b

        parallel.run(part, x.shape[0], work=self._work(x.shape[0]))
        return out

    def backward(self, dout):
        dx = np.empty(self.x.shape, dtype=dout.dtype)

        def part(lo, hi):
            np.matmul(dout[lo:hi], self.W.T, out=dx[lo:hi])
            return self.x[lo:hi].T @ dout[lo:hi], np.einsum("ij->j", dout[lo:hi])   # faster than .sum(axis=0)

        results = parallel.run(part, dout.shape[0], work=self._work(dout.shape[0]))
        self.dW, self.db = results[0]
        for dW, db in results[1:]:
            self.dW = self.dW + dW
            self.db = self.db + db
        return dx.reshape(*self.original_x_shape)


class SpatialBatchNormalization:
    """Per-channel batch normalisation (CS231n's spatial batch norm, PyTorch's BatchNorm2d) with the book's
    conventions: biased variance for normalising and for the running average, 10e-7 inside the square root,
    running = momentum * running + (1 - momentum) * batch value.

    gamma, beta: (C,). x, dout: (N, C, H, W), normalised per channel over N, H and W; or (N, C), per column.
    forward(x, train_flg=True) uses the batch's statistics (train_flg=False: the running ones); backward(dout) -> dx
    and sets dgamma, dbeta (C,).

    Why it is faster than the book's layer applied to (N*H*W, C) rows:
    - Channels-last memory is viewed as one wide row per sample, (N, H*W*C), with per-channel vectors tiled H*W
      times: every elementwise pass then runs over long contiguous rows (a (C,) vector broadcast over (N*H*W, C)
      makes numpy loop over C = 16 numbers at a time, 3-4x slower). Sums are a matrix-vector product (ones @ rows)
      or an np.einsum over the wide rows, folded to (C,) at the end.
    - No transposing copy in or out, and no xc, xn arrays kept: the output is x * scale + shift per channel, and the
      backward is the closed form
          dx = gamma / std * (dout - mean(dout) - xn * mean(dout * xn))
      evaluated as dout * a + x * b + c per channel, with sum(dout * xn) = (sum(dout * x) - mu * sum(dout)) / std.
    - Each part of the batch (reference.fast.parallel) computes its count, mean and centred sum of squares; they
      are combined in float64 (Chan et al.'s pairwise formula), so the statistics are the whole batch's; the
      gradient sums are combined the same way.
    Numerically: float64 agrees with the book's layer to about 1e-15 relative; float32 to a few 1e-7 (summation
    order), more where |mean| is many standard deviations (sum(dout * x) - mu * sum(dout) cancels).
    """

    def __init__(self, gamma, beta, momentum=0.9, running_mean=None, running_var=None):
        self.gamma = gamma
        self.beta = beta
        self.momentum = momentum
        self.running_mean = running_mean
        self.running_var = running_var
        self.cache = None    # (x as wide rows, mu, 1 / std) for backward (a tuple: not checkpointed state)
        self.dgamma = None
        self.dbeta = None
        self._work = {}

    @staticmethod
    def _wide(x):
        """x (N, C, H, W) or (N, C) -> (its channels-last memory as (N, H*W*C) rows, C, H*W)."""
        img = channels_last(x)
        C = img.shape[-1]
        return img.reshape(img.shape[0], -1), C, img[0].size // C

    @staticmethod
    def _fold(wide_sum, C):
        """A (H*W*C,) sum over wide rows -> the (C,) per-channel sum, in float64."""
        return wide_sum.reshape(-1, C).sum(axis=0, dtype=np.float64)

    def forward(self, x, train_flg=True):
        wide, C, per = self._wide(x)
        N = wide.shape[0]
        M = N * per
        out = np.empty_like(wide)
        if self.running_mean is None:
            self.running_mean = np.zeros(C, dtype=x.dtype)
            self.running_var = np.zeros(C, dtype=x.dtype)
        tile = lambda v: np.tile(np.asarray(v, dtype=out.dtype), per)   # noqa: E731  (C,) -> (H*W*C,)

        if train_flg:
            ones = np.ones(N, dtype=out.dtype)

            def stats(lo, hi):
                w = wide[lo:hi]
                n = (hi - lo) * per
                mu = self._fold(ones[lo:hi] @ w, C) / n
                xc = np.subtract(w, tile(mu), out=out[lo:hi])
                return lo, n, mu, self._fold(np.einsum("ij,ij->j", xc, xc), C)

            parts = parallel.run(stats, N, work=x.size)
            counts = np.array([n for _, n, _, _ in parts], dtype=np.float64)[:, None]
            means = np.array([mu for _, _, mu, _ in parts])
            mu = (counts * means).sum(axis=0) / M
            var = (sum(m2 for _, _, _, m2 in parts) + (counts * (means - mu) ** 2).sum(axis=0)) / M
            inv_std = 1.0 / np.sqrt(var + EPS)
            scale = self.gamma * inv_std
            # out holds x minus its part's mean: scale it and shift by beta + (part's mean - batch mean) * scale
            shifts = {lo: tile(self.beta + (part_mu - mu) * scale) for (lo, _, _, _), part_mu in zip(parts, means)}
            scale = tile(scale)

            def normalise(lo, hi):
                o = out[lo:hi]
                o *= scale
                o += shifts[lo]

            parallel.run(normalise, N, work=x.size)
            self.cache = (wide, mu, inv_std)
            m = self.momentum
            self.running_mean = (m * self.running_mean + (1 - m) * mu).astype(self.running_mean.dtype)
            self.running_var = (m * self.running_var + (1 - m) * var).astype(self.running_var.dtype)
        else:
            scale = self.gamma / np.sqrt(self.running_var.astype(np.float64) + EPS)
            shift, scale = tile(self.beta - self.running_mean * scale), tile(scale)

            def apply(lo, hi):
                o = np.multiply(wide[lo:hi], scale, out=out[lo:hi])
                o += shift

            parallel.run(apply, N, work=x.size)
        out = out.reshape(channels_last(x).shape)
        return nchw_view(out) if x.ndim == 4 else out

    def backward(self, dout):
        wide, mu, inv_std = self.cache
        d, C, per = self._wide(dout)
        N = d.shape[0]
        M = N * per
        dx = np.empty_like(d)
        tile = lambda v: np.tile(np.asarray(v, dtype=dx.dtype), per)   # noqa: E731
        ones = np.ones(N, dtype=d.dtype)

        def sums(lo, hi):
            return (self._fold(ones[lo:hi] @ d[lo:hi], C),
                    self._fold(np.einsum("ij,ij->j", d[lo:hi], wide[lo:hi]), C))

        parts = parallel.run(sums, N, work=dout.size)
        dbeta = sum(sd for sd, _ in parts)
        dgamma = (sum(sdx for _, sdx in parts) - mu * dbeta) * inv_std     # sum(dout * xn)
        a = self.gamma * inv_std
        b = -a * inv_std * dgamma / M
        c = -a * dbeta / M - b * mu
        a, b, c = tile(a), tile(b), tile(c)
        tmp = scratch(self._work, "tmp", dx.shape, dx.dtype)

        def grad(lo, hi):
            o = np.multiply(d[lo:hi], a, out=dx[lo:hi])
            o += np.multiply(wide[lo:hi], b, out=tmp[lo:hi])
            o += c

        parallel.run(grad, N, work=dout.size)
        self.dgamma = dgamma.astype(self.gamma.dtype)
        self.dbeta = dbeta.astype(self.beta.dtype)
        dx = dx.reshape(channels_last(dout).shape)
        return nchw_view(dx) if dout.ndim == 4 else dx
