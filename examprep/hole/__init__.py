"""Holes: candidate statements of the reference, their load-bearing proof, mutants, the hole file."""
