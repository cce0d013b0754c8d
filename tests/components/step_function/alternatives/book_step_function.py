# Verbatim from ゼロから作るDeep Learning (oreilly-japan/deep-learning-from-scratch): ch03/step_function.py (step_function).
# Copyright (c) 2016 Koki Saitoh, MIT License (tests/components/NOTICE-deep-learning-from-scratch.md).
# Test data only: the book's own code must pass this drill. examprep's reference is its own code.
import numpy as np


def step_function(x):
    return np.array(x > 0, dtype=int)
