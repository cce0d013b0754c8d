"""Author tools: `examprep dev check` (the author loop over a problem) and the soundness analysis it shares with CI."""
