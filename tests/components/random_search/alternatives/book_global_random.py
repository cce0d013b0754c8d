"""The book's lines with NumPy's global generator (np.random.uniform), lr drawn first."""
import numpy as np


def sample_hparams(rng, trials):
    lrs, wds = [], []
    for _ in range(trials):
        lr = 10 ** np.random.uniform(-6, -2)
        weight_decay = 10 ** np.random.uniform(-8, -4)
        lrs.append(lr)
        wds.append(weight_decay)
    return {"lr": np.array(lrs), "weight_decay": np.array(wds)}
