"""Masks from 1 - np.tri (picoGPT's form) and a reshape of the padding positions."""
import numpy as np


def causal_mask(T):
    return (1 - np.tri(T)) == 1


def padding_mask(tokens, pad_id):
    N, T = tokens.shape
    return (tokens == pad_id).reshape(N, 1, 1, T)
