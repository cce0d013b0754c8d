"""The other conventions of reference.ensemble, for the drills' `conventions:` key."""
import numpy as np


def adaboost_update_no_half(w, y, h):
    """AdaBoost.M1 (Freund & Schapire) / ESL Algorithm 10.1 / sklearn's SAMME for two classes:
    alpha = log((1 - err) / err) and w *= exp(alpha · [y != h]). After normalisation the weights are the same as
    the ½-form's; alpha is twice as large (the final sign(Σ alpha h) is unchanged)."""
    err = np.sum(w[y != h]) / np.sum(w)
    alpha = np.log((1 - err) / err)
    w = w * np.exp(alpha * (y != h))
    return w / np.sum(w), alpha
