"""Scores in a Python loop, ranked with sorted()."""
import math


def select_queries(probs, k, strategy='least_confident'):
    scores = []
    for row in probs.tolist():
        top = sorted(row, reverse=True)
        if strategy == 'least_confident':
            scores.append(1 - top[0])
        elif strategy == 'margin':
            scores.append(top[1] - top[0])
        else:
            scores.append(-sum(p * math.log(p) for p in row if p > 0))
    return sorted(range(len(scores)), key=lambda i: scores[i], reverse=True)[:k]
