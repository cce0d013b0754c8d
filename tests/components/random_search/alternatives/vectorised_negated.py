"""Vectorised draws of the negated exponent, through exp(ln 10 · u)."""
import numpy as np


def sample_hparams(rng, trials):
    lr = np.exp(np.log(10) * -rng.uniform(2, 6, size=trials))
    wd = 10.0 ** rng.uniform(-8, -4, size=trials)
    return {"weight_decay": wd, "lr": lr}
