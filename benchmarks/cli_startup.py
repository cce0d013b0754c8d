"""How long `examprep --help` and `examprep list` take to start and print, in fresh processes.

    python benchmarks/cli_startup.py [--runs 7]

The CLI keeps numpy, rich and yaml out of `--help` (tests/test_cli.py checks the imports, not the time); this prints
the median and fastest wall time of each command over --runs fresh processes, and the load average around them
(other work on the machine changes every figure). Exit status 0 either way.
"""
import argparse
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def timed(args, env, runs):
    times = []
    for _ in range(runs):
        started = time.perf_counter()
        subprocess.run([sys.executable, "-m", "examprep", *args], env=env, capture_output=True, check=True)
        times.append(time.perf_counter() - started)
    return statistics.median(times), min(times)


def main(argv=None):
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--runs", type=int, default=7, help="fresh processes per command (default 7)")
    args = ap.parse_args(argv)
    with tempfile.TemporaryDirectory() as home:
        env = dict(os.environ, EXAMPREP_HOME=home, PYTHONPATH=str(ROOT))
        print(f"load average before: {' '.join(f'{v:.2f}' for v in os.getloadavg())}")
        for command in (["--help"], ["list"]):
            median, fastest = timed(command, env, max(1, args.runs))
            print(f"examprep {' '.join(command):8s} median {median:.3f} s, fastest {fastest:.3f} s")
        print(f"load average after: {' '.join(f'{v:.2f}' for v in os.getloadavg())}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
