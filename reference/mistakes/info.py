"""Classic wrong answers of the information-theory drills (reference/info.py), for their `mistakes:` entries."""

from reference.info import kl_divergence


def kl_swapped(p, q):
    """KL(q || p) where the drill asks KL(p || q): the arguments swapped (KL is not symmetric)."""
    return kl_divergence(q, p)
