"""A fast form of Adam (the book's form: reference/optimizers.py)."""
import numpy as np

from reference.fast import parallel

SHARES = 1024   # each part of the thread pool updates shares [lo, hi) of every large parameter
SPLIT_MIN = 1_000_000  # elements; a smaller parameter is updated whole by the first part: its ten NumPy calls on
                       # two threads cost more in GIL hand-overs than they save (measured on the capstone's
                       # parameters, the largest 156,800: 1.37 ms a step split over 2 threads, 0.93 unsplit)


class Adam:
    """Adam (Kingma & Ba 2015) with reference.optimizers.Adam's conventions (epsilon 1e-8 added to sqrt(v_hat)),
    updating m, v and the parameters in place.

    params, grads: dicts of arrays with the same keys; m, v, iter as in the reference (a checkpoint of one restores
    the other). Why faster: the reference makes about ten temporary arrays per parameter per step; here the bias
    corrections are folded into the step size, as the book does,
        W <- W - lr_t * m / (sqrt(v) + eps_t),  lr_t = lr * sqrt(1 - beta2**t) / (1 - beta1**t),
        eps_t = 1e-8 * sqrt(1 - beta2**t)
    (the same number as lr * m_hat / (sqrt(v_hat) + 1e-8), rounded differently), every step writes into m, v and
    one scratch array, and the threads of reference.fast.parallel each update their share of every large parameter.
    """

    def __init__(self, lr=0.001, beta1=0.9, beta2=0.999):
        self.lr = lr
        self.beta1 = beta1
        self.beta2 = beta2
        self.iter = 0
        self.m = None
        self.v = None

    def update(self, params, grads):
        if self.m is None:
            self.m, self.v = {}, {}
            for key, val in params.items():
                self.m[key] = np.zeros_like(val)
                self.v[key] = np.zeros_like(val)

        self.iter += 1
        correction2 = np.sqrt(1.0 - self.beta2 ** self.iter)
        lr_t = self.lr * correction2 / (1.0 - self.beta1 ** self.iter)
        eps_t = 1e-8 * correction2
        keys = list(params.keys())
        # flat views to share out; a small array, or one that is not C-contiguous (it has no flat view: reshape
        # would copy), is updated whole by the first part
        flat = {key: (params[key], np.asarray(grads[key]), self.m[key], self.v[key]) for key in keys}
        shared = {key: arrays[0].size >= SPLIT_MIN and all(a.flags.c_contiguous for a in arrays)
                  for key, arrays in flat.items()}
        b1, b2 = self.beta1, self.beta2

        def part(lo, hi):
            for key in keys:
                p, g, m, v = flat[key]
                if shared[key]:
                    a, b = p.size * lo // SHARES, p.size * hi // SHARES
                    p, g, m, v = (arr.reshape(-1)[a:b] for arr in (p, g, m, v))
                elif lo != 0:
                    continue
                if p.size == 0:
                    continue
                scratch = np.subtract(g, m)             # m <- m + (1 - beta1) (g - m)
                scratch *= 1 - b1
                m += scratch
                np.multiply(g, g, out=scratch)          # v <- v + (1 - beta2) (g^2 - v)
                scratch -= v
                scratch *= 1 - b2
                v += scratch
                np.sqrt(v, out=scratch)                 # W <- W - lr_t m / (sqrt(v) + eps_t)
                scratch += eps_t
                np.divide(m, scratch, out=scratch)
                scratch *= lr_t
                p -= scratch

        parallel.run(part, SHARES, work=10 * sum(p.size for key, (p, _, _, _) in flat.items() if shared[key]))
