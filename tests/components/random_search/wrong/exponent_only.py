# expect: distribution
"""The exponent itself (negative numbers), 10 ** forgotten."""
import numpy as np


def sample_hparams(rng, trials):
    lrs = np.zeros(trials)
    weight_decays = np.zeros(trials)
    for i in range(trials):
        weight_decay = rng.uniform(-8, -4)
        lr = rng.uniform(-6, -2)
        weight_decays[i] = weight_decay
        lrs[i] = lr
    return {"lr": lrs, "weight_decay": weight_decays}
