# expect: distribution
"""One draw before the loop, repeated for every trial: no search at all."""
import numpy as np


def sample_hparams(rng, trials):
    weight_decay = 10 ** rng.uniform(-8, -4)
    lr = 10 ** rng.uniform(-6, -2)
    return {"lr": np.full(trials, lr), "weight_decay": np.full(trials, weight_decay)}
