"""The PyTorch track's question bank: YAML data, one file per topic group (read by examprep.exam.framework)."""
