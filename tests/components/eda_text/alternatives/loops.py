"""Plain loops, the paper's code shape (random.uniform(0, 1) > p per word, here from rng)."""


def synonym_replacement(words, positions, synonyms):
    new_words = [w for w in words]
    for k in range(len(positions)):
        new_words[positions[k]] = synonyms[k]
    return new_words


def random_insertion(words, positions, new_words):
    out = list(words)
    for k in range(len(positions)):
        out.insert(positions[k], new_words[k])
    return out


def random_swap(words, pairs):
    out = list(words)
    for pair in pairs:
        a, b = pair
        out[a], out[b] = out[b], out[a]
    return out


def random_deletion(words, p, rng):
    draws = rng.random(len(words))
    new_words = []
    for k in range(len(words)):
        if draws[k] > p:
            new_words.append(words[k])
    if not new_words:
        rand_int = rng.integers(len(words))
        return [words[rand_int]]
    return new_words
