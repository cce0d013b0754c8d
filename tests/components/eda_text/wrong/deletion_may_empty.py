# expect: type
"""No fallback: with every word deleted the sentence is empty."""


def synonym_replacement(words, positions, synonyms):
    out = list(words)
    for i, s in zip(positions, synonyms):
        out[i] = s
    return out


def random_insertion(words, positions, new_words):
    out = list(words)
    for p, w in zip(positions, new_words):
        out.insert(p, w)
    return out


def random_swap(words, pairs):
    out = list(words)
    for i, j in pairs:
        out[i], out[j] = out[j], out[i]
    return out


def random_deletion(words, p, rng):
    u = rng.random(len(words))
    return [w for w, r in zip(words, u) if r > p]
