# expect: distribution
"""The ranges of the learning rate and the weight decay exchanged."""
import numpy as np


def sample_hparams(rng, trials):
    lrs = np.zeros(trials)
    weight_decays = np.zeros(trials)
    for i in range(trials):
        weight_decay = 10 ** rng.uniform(-6, -2)
        lr = 10 ** rng.uniform(-8, -4)
        weight_decays[i] = weight_decay
        lrs[i] = lr
    return {"lr": lrs, "weight_decay": weight_decays}
