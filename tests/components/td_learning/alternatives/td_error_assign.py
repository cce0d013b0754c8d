"""The TD error named, a new value assigned (Q[s, a] = (1 - α) Q[s, a] + α target), the max by a loop."""


def td0(V, s, r, s2, done, alpha, gamma):
    target = r if done else r + gamma * V[s2]
    V[s] = (1 - alpha) * V[s] + alpha * target


def sarsa_update(Q, s, a, r, s2, a2, done, alpha, gamma):
    if done:
        target = r
    else:
        target = r + gamma * Q[s2][a2]
    td_error = target - Q[s][a]
    Q[s][a] = Q[s][a] + alpha * td_error


def q_update(Q, s, a, r, s2, done, alpha, gamma):
    best = Q[s2, 0]
    for b in range(1, Q.shape[1]):
        if Q[s2, b] > best:
            best = Q[s2, b]
    target = r + (0.0 if done else gamma * best)
    Q[s, a] = Q[s, a] + alpha * (target - Q[s, a])
