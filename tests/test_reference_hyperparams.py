"""reference.hyperparams against SciPy's log-uniform distribution (scipy.stats.loguniform, one-sample KS test)."""
import numpy as np
from scipy import stats

from reference import hyperparams


def test_samples_are_log_uniform_in_the_books_ranges():
    out = hyperparams.sample_hparams(np.random.default_rng(0), 5000)
    assert set(out) == {"lr", "weight_decay"} and out["lr"].shape == out["weight_decay"].shape == (5000,)
    assert stats.kstest(out["lr"], stats.loguniform(1e-6, 1e-2).cdf).pvalue > 1e-3
    assert stats.kstest(out["weight_decay"], stats.loguniform(1e-8, 1e-4).cdf).pvalue > 1e-3
    assert out["lr"].min() >= 1e-6 and out["lr"].max() < 1e-2
    # every power of ten is about equally represented (a linear uniform draw would put ~90 % in the top one)
    counts = np.histogram(np.log10(out["lr"]), bins=[-6, -5, -4, -3, -2])[0]
    assert np.all(np.abs(counts / 5000 - 0.25) < 0.03)
    assert stats.kstest(np.random.default_rng(1).uniform(1e-6, 1e-2, 5000),
                        stats.loguniform(1e-6, 1e-2).cdf).pvalue < 1e-10
