"""Learning loop: the interactive drill, practice, review scheduling, the progress store, history and report."""
