"""reference/semi_supervised.py against plainly written loops (no library implements these exact forms) and
scipy.stats.entropy for the entropy strategy."""
import numpy as np
import pytest

from reference.semi_supervised import pseudo_label, select_queries


def _probs(rng, n, k):
    z = rng.standard_normal((n, k)) * 2
    e = np.exp(z - z.max(axis=1, keepdims=True))
    return e / e.sum(axis=1, keepdims=True)


@pytest.mark.parametrize("tau", [0.5, 0.7, 0.9])
def test_pseudo_labels_are_the_confident_rows_argmax(tau):
    probs = _probs(np.random.default_rng(1), 40, 4)
    mask, labels = pseudo_label(probs, tau)
    expected = [(i, max(range(4), key=lambda c: row[c])) for i, row in enumerate(probs.tolist()) if max(row) >= tau]
    assert mask.tolist() == [i in {j for j, _ in expected} for i in range(40)]
    assert labels.tolist() == [c for _, c in expected]


def _loop_scores(probs, strategy):
    out = []
    for row in probs.tolist():
        s = sorted(row, reverse=True)
        if strategy == "least_confident":
            out.append(1 - s[0])
        elif strategy == "margin":
            out.append(-(s[0] - s[1]))
        else:
            out.append(-sum(p * np.log(p) for p in row if p > 0))
    return out


@pytest.mark.parametrize("strategy", ["least_confident", "margin", "entropy"])
def test_queries_are_the_most_uncertain_first(strategy):
    probs = _probs(np.random.default_rng(2), 30, 5)
    scores = _loop_scores(probs, strategy)
    expected = sorted(range(30), key=lambda i: -scores[i])[:7]
    assert select_queries(probs, 7, strategy).tolist() == expected


def test_entropy_strategy_agrees_with_scipy():
    stats = pytest.importorskip("scipy.stats")
    probs = _probs(np.random.default_rng(3), 20, 3)
    scores = stats.entropy(probs, axis=1)
    assert select_queries(probs, 20, "entropy").tolist() == np.argsort(-scores, kind="stable").tolist()


def test_the_strategies_disagree_where_the_textbook_says_they_do():
    # least confident looks at the top class only; margin at the top two; entropy at all of them
    probs = np.array([[0.50, 0.49, 0.01], [0.40, 0.30, 0.30], [0.46, 0.08, 0.46]])
    assert select_queries(probs, 1, "least_confident").tolist() == [1]
    assert select_queries(probs, 1, "margin").tolist() == [2]
    assert select_queries(probs, 1, "entropy").tolist() == [1]
