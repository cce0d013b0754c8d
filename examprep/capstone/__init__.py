"""The capstone: train a CNN built from reference/ or the learner's own drill answers."""
