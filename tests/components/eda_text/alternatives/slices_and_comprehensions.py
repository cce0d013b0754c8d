"""Slicing for the insertion, a dict of replacements, np.flatnonzero for the deletion."""
import numpy as np


def synonym_replacement(words, positions, synonyms):
    repl = dict(zip(positions, synonyms))
    return [repl.get(i, w) for i, w in enumerate(words)]


def random_insertion(words, positions, new_words):
    out = words[:]
    for p, w in zip(positions, new_words):
        out = out[:p] + [w] + out[p:]
    return out


def random_swap(words, pairs):
    out = words.copy()
    for i, j in pairs:
        tmp = out[i]
        out[i] = out[j]
        out[j] = tmp
    return out


def random_deletion(words, p, rng):
    u = rng.random(size=len(words))
    keep = np.flatnonzero(u > p)
    if keep.size == 0:
        return [words[int(rng.integers(0, len(words)))]]
    return [words[i] for i in keep]
