# expect: distribution
"""Uniform on a linear scale: almost every draw lands in the top power of ten."""
import numpy as np


def sample_hparams(rng, trials):
    lrs = np.zeros(trials)
    weight_decays = np.zeros(trials)
    for i in range(trials):
        weight_decay = rng.uniform(1e-8, 1e-4)
        lr = rng.uniform(1e-6, 1e-2)
        weight_decays[i] = weight_decay
        lrs[i] = lr
    return {"lr": lrs, "weight_decay": weight_decays}
