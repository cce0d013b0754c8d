"""examprep: practise implementing deep learning in NumPy, graded by running your code.

In Jupyter or Colab: `%load_ext examprep` (then `%examprep help`). From Python: examprep.check(source,
problem="conv2d") returns the verdict, examprep.drill_source("conv2d") the hole to fill (examprep.notebook.api).
Everything is imported on first use, so `examprep --help` stays fast.
"""

__version__ = "0.1.0"


def load_ipython_extension(ipython):
    """`%load_ext examprep`: register the %examprep / %%examprep magics (needs IPython: examprep[notebook])."""
    from examprep.notebook.magics import load

    load(ipython)


def check(source, problem=None, record=True):
    """Grade source text as `examprep check` grades a file; returns the Verdict (see examprep.notebook.api.check)."""
    from examprep.notebook import api

    return api.check(source, problem=problem, record=record)


def drill_source(problem, level="normal", blanks=None, seed=None, lang=None):
    """The hole of a drill as source text, to fill in and pass to check() (see examprep.notebook.api)."""
    from examprep.notebook import api

    return api.drill_source(problem, level=level, blanks=blanks, seed=seed, lang=lang)
