"""Where examprep keeps the learner's data and its caches.

EXAMPREP_HOME, when set, holds both (the tests use it). Otherwise the XDG base
directories: $XDG_DATA_HOME/examprep (default ~/.local/share/examprep) and
$XDG_CACHE_HOME/examprep (default ~/.cache/examprep).
"""
import os
from pathlib import Path


def data_dir():
    home = os.environ.get("EXAMPREP_HOME")
    if home:
        return Path(home)
    base = os.environ.get("XDG_DATA_HOME") or os.path.join(os.path.expanduser("~"), ".local", "share")
    return Path(base) / "examprep"


def cache_dir():
    home = os.environ.get("EXAMPREP_HOME")
    if home:
        return Path(home) / "cache"
    base = os.environ.get("XDG_CACHE_HOME") or os.path.join(os.path.expanduser("~"), ".cache")
    return Path(base) / "examprep"
