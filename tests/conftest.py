"""Shared test configuration.

Tests marked `torch` cross-check the reference against PyTorch autograd. When torch is
not installed they are left out with one summary line saying why, except in CI (CI=true),
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


TORCH_MISSING = []     # the torch tests left out of this run (torch not installed)


def pytest_collection_modifyitems(config, items):
    """Without torch the PyTorch cross-checks cannot run: they are left out, and the summary says so in one line
    (not one SKIPPED line per test under -ra)."""
    if HAVE_TORCH:
        return
    TORCH_MISSING[:] = [item for item in items if "torch" in item.keywords]
    if TORCH_MISSING:
        items[:] = [item for item in items if "torch" not in item.keywords]
        config.hook.pytest_deselected(items=TORCH_MISSING)


def pytest_terminal_summary(terminalreporter):
    if TORCH_MISSING:
        terminalreporter.write_line(
            f"SKIPPED {len(TORCH_MISSING)} PyTorch cross-check tests: torch is not installed "
            "(pip install torch==2.13.0 to run them; CI requires them)", yellow=True)


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
