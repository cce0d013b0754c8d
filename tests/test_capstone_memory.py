"""Memory figures of /proc/<pid>/status: the one reader (examprep.capstone.replicas.proc_status_mib) that the
replica processes' peak memory and benchmarks/capstone.py's memory children both use."""
import importlib.util
import os
import resource
from pathlib import Path

import numpy as np
import pytest

from examprep.capstone import replicas
from examprep.capstone.replicas import proc_status_mib

ROOT = Path(__file__).resolve().parent.parent
linux_proc = pytest.mark.skipif(not os.path.exists("/proc/self/status"), reason="needs Linux's /proc")


def load_benchmark():
    spec = importlib.util.spec_from_file_location("benchmark_capstone", ROOT / "benchmarks" / "capstone.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


@linux_proc
def test_rss_grows_with_touched_memory_and_the_peak_bounds_it():
    before = proc_status_mib("self", "VmRSS")
    block = np.ones(64 * 2 ** 20 // 8)                # 64 MiB, every page written
    now = proc_status_mib("self", "VmRSS")
    peak = proc_status_mib("self", "VmHWM")
    del block
    assert now >= before + 60
    assert peak >= now > 0


@linux_proc
def test_another_process_by_pid_and_unknown_figures_read_zero():
    assert proc_status_mib(os.getpid(), "VmRSS") > 0
    assert proc_status_mib("self", "NoSuchField") == 0.0
    assert proc_status_mib("self", "VmHW") == 0.0         # a prefix of a field's name is not the field
    assert proc_status_mib(2 ** 30, "VmHWM") == 0.0       # beyond any pid_max: no such process


def test_no_proc_reads_zero(monkeypatch):
    def missing(*args, **kwargs):
        raise FileNotFoundError("/proc")

    monkeypatch.setattr("builtins.open", missing)
    assert proc_status_mib("self", "VmHWM") == 0.0


@linux_proc
def test_benchmark_memory_child_reads_the_same_figure():
    benchmark = load_benchmark()
    low = proc_status_mib("self", "VmHWM")
    value = benchmark.high_water_mib()
    high = proc_status_mib("self", "VmHWM")
    assert low <= value <= high                           # the peak only grows


def test_benchmark_falls_back_to_ru_maxrss_without_proc(monkeypatch):
    benchmark = load_benchmark()
    monkeypatch.setattr(replicas, "proc_status_mib", lambda pid, field: 0.0)
    value = benchmark.high_water_mib()
    # ru_maxrss is KiB on Linux (bytes on macOS, where the figure is only a rough fallback)
    assert value == pytest.approx(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024, rel=0.05)
    assert value > 0
