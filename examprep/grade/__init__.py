"""Grading: kinds exercise a component, the sandboxed worker runs the answer, compare and verdict judge it."""
