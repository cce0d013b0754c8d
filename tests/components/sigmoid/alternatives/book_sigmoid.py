# Verbatim from ゼロから作るDeep Learning (oreilly-japan/deep-learning-from-scratch): common/functions.py (sigmoid).
# Copyright (c) 2016 Koki Saitoh, MIT License (tests/components/NOTICE-deep-learning-from-scratch.md).
# Test data only: the book's own code must pass this drill. examprep's reference is its own code.
"""The book's sigmoid."""
import numpy as np


def sigmoid(x):
    return 1 / (1 + np.exp(-x))
