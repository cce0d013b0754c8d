"""Random search of hyperparameters on a log scale (ゼロから作るDeep Learning ① ch06/hyperparameter_optimization.py)."""
import numpy as np


def sample_hparams(rng, trials):
    """Draw `trials` random-search settings, log-uniformly: weight decay in [1e-8, 1e-4), learning rate in
    [1e-6, 1e-2) (every power of ten equally likely), as the book's 10 ** np.random.uniform(low, high).

    rng: numpy Generator; trials: int. Returns {'lr': (trials,), 'weight_decay': (trials,)}.
    """
    lrs = np.zeros(trials)
    weight_decays = np.zeros(trials)
    for i in range(trials):
        weight_decay = 10 ** rng.uniform(-8, -4)
        lr = 10 ** rng.uniform(-6, -2)
        weight_decays[i] = weight_decay
        lrs[i] = lr
    return {"lr": lrs, "weight_decay": weight_decays}
