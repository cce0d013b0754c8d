"""reference.rl_tabular against hand-derived values and the book's dict-based agents written out plainly."""
from collections import defaultdict

import numpy as np

from reference import rl_tabular


def test_td0_hand_values():
    V = np.array([0.0, 1.0, 2.0])
    rl_tabular.td0(V, 0, 1.0, 2, False, 0.5, 0.9)           # target 1 + 0.9*2 = 2.8; 0 + 0.5*2.8
    np.testing.assert_allclose(V, [1.4, 1.0, 2.0])
    rl_tabular.td0(V, 1, -1.0, 2, True, 0.5, 0.9)           # terminal: target -1; 1 + 0.5*(-2)
    np.testing.assert_allclose(V, [1.4, 0.0, 2.0])


def test_sarsa_and_q_learning_differ_exactly_by_the_next_value():
    Q = np.array([[0.0, 0.0], [3.0, -1.0]])
    Q_sarsa, Q_q = Q.copy(), Q.copy()
    rl_tabular.sarsa_update(Q_sarsa, 0, 1, 1.0, 1, 1, False, 0.1, 0.9)   # target 1 + 0.9*(-1) = 0.1
    rl_tabular.q_update(Q_q, 0, 1, 1.0, 1, False, 0.1, 0.9)              # target 1 + 0.9*3 = 3.7
    assert np.isclose(Q_sarsa[0, 1], 0.01) and np.isclose(Q_q[0, 1], 0.37)
    rl_tabular.q_update(Q_q, 1, 0, 2.0, 0, True, 0.5, 0.9)               # terminal: 3 + 0.5*(2 - 3)
    assert np.isclose(Q_q[1, 0], 2.5)


def _book_agents(transitions, S, A, alpha, gamma):
    """The book's ch06 agents (defaultdict tables) replayed over the same transitions."""
    V, Qs, Qq = defaultdict(lambda: 0), defaultdict(lambda: 0), defaultdict(lambda: 0)
    for s, a, r, s2, a2, done in transitions:
        next_V = 0 if done else V[s2]
        V[s] += (r + gamma * next_V - V[s]) * alpha
        next_q = 0 if done else Qs[s2, a2]
        Qs[s, a] += (r + gamma * next_q - Qs[s, a]) * alpha
        next_q_max = 0 if done else max(Qq[s2, b] for b in range(A))
        Qq[s, a] += (r + gamma * next_q_max - Qq[s, a]) * alpha
    return (np.array([V[s] for s in range(S)]), np.array([[Qs[s, a] for a in range(A)] for s in range(S)]),
            np.array([[Qq[s, a] for a in range(A)] for s in range(S)]))


def test_updates_match_the_books_dict_agents_over_an_episode_stream():
    rng = np.random.default_rng(0)
    S, A, alpha, gamma = 5, 3, 0.3, 0.9
    transitions = [(int(rng.integers(S)), int(rng.integers(A)), float(rng.normal()), int(rng.integers(S)),
                    int(rng.integers(A)), bool(rng.random() < 0.2)) for _ in range(300)]
    V, Qs, Qq = np.zeros(S), np.zeros((S, A)), np.zeros((S, A))
    for s, a, r, s2, a2, done in transitions:
        rl_tabular.td0(V, s, r, s2, done, alpha, gamma)
        rl_tabular.sarsa_update(Qs, s, a, r, s2, a2, done, alpha, gamma)
        rl_tabular.q_update(Qq, s, a, r, s2, done, alpha, gamma)
    bV, bQs, bQq = _book_agents(transitions, S, A, alpha, gamma)
    np.testing.assert_allclose(V, bV)
    np.testing.assert_allclose(Qs, bQs)
    np.testing.assert_allclose(Qq, bQq)


def test_eps_greedy_follows_the_stated_draw_order():
    qs = np.array([0.2, 1.0, 1.0, -0.5])
    for seed in range(50):
        mine = rl_tabular.eps_greedy(qs, 0.4, np.random.default_rng(seed))
        rng = np.random.default_rng(seed)
        u = rng.random()
        expected = rng.integers(4) if u < 0.4 else 1          # greedy: the first of the tied maxima
        assert mine == expected


def test_eps_greedy_action_frequencies():
    # P(greedy) = 1 - eps + eps / |A|, every other action eps / |A|
    rng, qs, eps = np.random.default_rng(0), np.array([0.0, 2.0, 1.0, -1.0]), 0.3
    counts = np.bincount([rl_tabular.eps_greedy(qs, eps, rng) for _ in range(20000)], minlength=4) / 20000
    np.testing.assert_allclose(counts, [0.075, 0.775, 0.075, 0.075], atol=0.012)
    assert rl_tabular.eps_greedy(np.array([1.0, 3.0, 3.0]), 0.0, rng) == 1
