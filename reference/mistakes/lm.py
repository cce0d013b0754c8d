"""Classic wrong answers of the language-model drills (reference/lm.py), for their `mistakes:` entries."""
import numpy as np

from reference.functions import softmax


class _ShiftedLoss:
    """Cross entropy of softmax(logits[:, a]) against ids[:, b] over the chosen steps (the mistakes' shared body)."""

    logits_steps = slice(None)
    ids_steps = slice(None)

    def __init__(self):
        self.params, self.grads = [], []
        self.cache = None

    def forward(self, logits, ids):
        N, T, V = logits.shape
        x = logits[:, self.logits_steps]
        t = ids[:, self.ids_steps].reshape(-1)
        y = softmax(x.reshape(-1, V))
        self.cache = (y, t, logits.shape)
        return -np.mean(np.log(y[np.arange(len(t)), t]))

    def backward(self, dout=1):
        y, t, shape = self.cache
        dx = y.copy()
        dx[np.arange(len(t)), t] -= 1
        dx *= dout / len(t)
        dlogits = np.zeros(shape, dtype=dx.dtype)
        dlogits[:, self.logits_steps] = dx.reshape(shape[0], -1, shape[2])
        return dlogits


class CausalLMLossNoShift(_ShiftedLoss):
    """logits[:, t] scored against ids[:, t]: every step predicts itself."""


class CausalLMLossShiftedBackwards(_ShiftedLoss):
    """logits[:, 1:] scored against ids[:, :-1]: the previous token."""

    logits_steps = slice(1, None)
    ids_steps = slice(None, -1)


def sampling_probs_times_temperature(logits, temperature=1.0, top_k=None):
    """The logits multiplied by the temperature instead of divided."""
    logits = logits * temperature
    if top_k is not None:
        kth = np.sort(logits)[-top_k]
        logits = np.where(logits < kth, -np.inf, logits)
    return softmax(logits)


def sampling_probs_top_k_after_softmax(logits, temperature=1.0, top_k=None):
    """softmax first, then the probabilities outside the top k set to 0 without renormalising."""
    p = softmax(logits / temperature)
    if top_k is not None:
        kth = np.sort(p)[-top_k]
        p = np.where(p < kth, 0.0, p)
    return p
