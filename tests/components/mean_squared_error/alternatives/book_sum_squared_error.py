# Verbatim from ゼロから作るDeep Learning (oreilly-japan/deep-learning-from-scratch): common/functions.py (sum_squared_error).
# Copyright (c) 2016 Koki Saitoh, MIT License (tests/components/NOTICE-deep-learning-from-scratch.md).
# Test data only: the book's own code must pass this drill. examprep's reference is its own code.
"""The book's sum_squared_error (common/functions.py); chapter 4 prints the same function as mean_squared_error."""
import numpy as np


def sum_squared_error(y, t):
    return 0.5 * np.sum((y-t)**2)


mean_squared_error = sum_squared_error   # the name chapter 4 prints (not the book's code)
