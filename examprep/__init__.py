"""examprep: practise implementing deep learning in NumPy, graded by running your code."""

__version__ = "0.1.0"
