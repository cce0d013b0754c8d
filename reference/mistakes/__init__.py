"""Implementations of classic wrong answers, one module per family (problems' `mistakes:` key).

The grader runs them on trusted ground, only after an answer has failed, to name the mistake it matches
("your KL divergence is KL(q || p): the arguments are swapped"). They are wrong on purpose: never use one as
a reference.
"""
