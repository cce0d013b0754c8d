"""Explore flag first, the greedy action by a loop keeping the first maximum (strict >)."""


def eps_greedy(qs, eps, rng):
    explore = rng.random() < eps
    if explore:
        return int(rng.integers(0, len(qs)))
    best = 0
    for a in range(1, len(qs)):
        if qs[a] > qs[best]:
            best = a
    return best
