"""The book's cos_similarity (common/util.py), verbatim."""
# From ゼロから作るDeep Learning ❷ (oreilly-japan/deep-learning-from-scratch-2, common/util.py), MIT licence, (c) 2018 Koki Saitoh.
import numpy as np


def cos_similarity(x, y, eps=1e-8):
    '''コサイン類似度の算出

    :param x: ベクトル
    :param y: ベクトル
    :param eps: ”0割り”防止のための微小値
    :return:
    '''
    nx = x / (np.sqrt(np.sum(x ** 2)) + eps)
    ny = y / (np.sqrt(np.sum(y ** 2)) + eps)
    return np.dot(nx, ny)
