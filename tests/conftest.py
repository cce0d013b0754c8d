"""Shared test configuration.

Tests marked `torch` cross-check the reference against PyTorch autograd. They are
skipped with a visible reason when torch is not installed, except in CI (CI=true),
where a missing torch is an error: the cross-check must have run for CI to pass.
"""
import os
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

try:
    import torch  # noqa: F401
    HAVE_TORCH = True
except ImportError:
    HAVE_TORCH = False

IN_CI = os.environ.get("CI", "").lower() in ("1", "true", "yes")


def pytest_collection_modifyitems(config, items):
    if HAVE_TORCH:
        return
    for item in items:
        if "torch" in item.keywords:
            item.add_marker(pytest.mark.skip(
                reason="torch is not installed: pip install torch==2.13.0 to run the PyTorch cross-checks"))


def pytest_sessionstart(session):
    if IN_CI and not HAVE_TORCH:
        raise pytest.UsageError(
            "CI=true but torch is not importable: the PyTorch cross-check tests must run in CI "
            "(.ci/run installs torch==2.13.0)")


@pytest.fixture
def examprep_home(tmp_path, monkeypatch):
    """A fresh EXAMPREP_HOME (data and cache) for one test, so nothing touches the real home."""
    home = tmp_path / "examprep-home"
    home.mkdir()
    monkeypatch.setenv("EXAMPREP_HOME", str(home))
    return home


@pytest.fixture(scope="module")
def module_examprep_home(tmp_path_factory):
    """EXAMPREP_HOME shared by one test module (load-bearing proofs are cached there once)."""
    home = tmp_path_factory.mktemp("examprep-home")
    with pytest.MonkeyPatch.context() as mp:
        mp.setenv("EXAMPREP_HOME", str(home))
        yield home
