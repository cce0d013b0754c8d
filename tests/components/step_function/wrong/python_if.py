# expect: exception
"""The scalar form `if x > 0: return 1`: an array's truth value is ambiguous."""


def step_function(x):
    if x > 0:
        return 1
    else:
        return 0
