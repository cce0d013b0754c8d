"""How long grading a correct answer takes, per problem: in-process and through the CLI.

    python benchmarks/grading.py [--runs 5] [--sandbox namespaces|process] [ID ...]

In-process: grading.expected_records (the reference, as the CLI's process runs
it), the kinds run on the reference answer's namespace (the worker's share), the
records through the wire format (encode, decode) and grading.judge: the work of
grading without process start-up. CLI: `examprep check FILE --problem ID
--json` in a subprocess with EXAMPREP_HOME in a temporary directory, i.e. what a
learner waits for. Prints a table (with the CPU time of the CLI and its worker, and
the sandbox's share from the verdict's elapsed_seconds, since wall time depends on
what else the machine runs), the overall median and maximum, and whether
the targets are met: every problem under 1 s through the CLI, median under 0.5 s.
The exit status is 0 either way (figures are printed, not asserted).
"""
import argparse
import json
import os
import resource
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

CLI_MAX_TARGET = 1.0
CLI_MEDIAN_TARGET = 0.5


def cli_command():
    """The installed `examprep` script next to this Python, else `python -m examprep`."""
    script = Path(sys.executable).parent / "examprep"
    if script.exists():
        return [str(script)]
    found = shutil.which("examprep")
    return [found] if found else [sys.executable, "-m", "examprep"]


def in_process_seconds(problem, runs):
    from examprep.grade import grading, wire

    times = []
    for _ in range(runs):
        started = time.perf_counter()
        expected = grading.expected_records(problem, 0)
        actual = grading._run_all(problem, grading.reference_namespace(problem), 0, learner=True)
        payload = wire.encode_message({"failure": None, "records": actual, "output": ""})
        failure, records, _ = wire.decode_message(payload)
        failure = grading.judge(expected, failure, records)
        times.append(time.perf_counter() - started)
        if failure is not None:
            raise SystemExit(f"{problem.id}: the reference answer fails in-process: {failure.en}")
    return times


def cli_seconds(problem, runs, workdir, env):
    from examprep.problem import source

    path = workdir / f"{problem.id}_answer.py"
    path.write_text(source.reference_answer(problem), encoding="utf-8")
    command = cli_command() + ["check", str(path), "--problem", problem.id, "--json"]
    times, cpu, sandbox = [], [], []
    for _ in range(runs):
        before = resource.getrusage(resource.RUSAGE_CHILDREN)
        started = time.perf_counter()
        proc = subprocess.run(command, cwd=workdir, env=env, capture_output=True, text=True, encoding="utf-8")
        times.append(time.perf_counter() - started)
        after = resource.getrusage(resource.RUSAGE_CHILDREN)
        # The CLI process and the grading worker it waited for (children's children are included).
        cpu.append(after.ru_utime - before.ru_utime + after.ru_stime - before.ru_stime)
        if proc.returncode != 0:
            detail = proc.stderr.strip() or proc.stdout.strip()[:2000]
            raise SystemExit(f"{problem.id}: `examprep check` exited {proc.returncode}:\n{detail}")
        verdict = json.loads(proc.stdout)
        if not verdict["passed"]:
            raise SystemExit(f"{problem.id}: the reference answer fails through the CLI: {verdict['failure']['en']}")
        sandbox.append(verdict["elapsed_seconds"])
    return times, cpu, sandbox


def main(argv=None):
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--runs", type=int, default=5, help="runs per problem and way (default 5)")
    parser.add_argument("--sandbox", choices=("namespaces", "process"), default=None,
                        help="force a containment mode (EXAMPREP_SANDBOX); default: what the machine supports")
    parser.add_argument("ids", nargs="*", metavar="ID", help="only these problems (default: all)")
    args = parser.parse_args(argv)

    from examprep.problem import catalog

    problems = [catalog.get(i) for i in args.ids] if args.ids else list(catalog.load_all().values())
    with tempfile.TemporaryDirectory(prefix="examprep-bench-") as tmp:
        tmp = Path(tmp)
        env = dict(os.environ, EXAMPREP_HOME=str(tmp / "home"), EXAMPREP_LANG="en")
        if args.sandbox:
            env["EXAMPREP_SANDBOX"] = args.sandbox
        os.environ.update(env)
        from examprep.grade import sandbox

        print(f"containment: {sandbox.containment_mode()}")
        # One untimed CLI run first, so that the page cache (and .pyc files) are warm for every problem alike.
        subprocess.run(cli_command() + ["--version"], env=env, capture_output=True)

        rows = []
        print(f"load average at start: {' '.join(f'{x:.2f}' for x in os.getloadavg())} ({os.cpu_count()} CPUs)")
        print(f"{'problem':<22}{'kind':<15}{'in-process':>11}{'CLI median':>12}{'CLI max':>9}"
              f"{'CLI CPU':>9}{'sandbox':>9}   (seconds; medians over {args.runs} runs)")
        for problem in problems:
            inproc = statistics.median(in_process_seconds(problem, args.runs))
            cli, cpu, sandbox = cli_seconds(problem, args.runs, tmp, env)
            rows.append((problem.id, inproc, statistics.median(cli), max(cli), statistics.median(cpu)))
            print(f"{problem.id:<22}{problem.kind:<15}{inproc:>11.3f}{statistics.median(cli):>12.3f}{max(cli):>9.3f}"
                  f"{statistics.median(cpu):>9.3f}{statistics.median(sandbox):>9.3f}", flush=True)

    medians = [r[2] for r in rows]
    overall_median = statistics.median(medians)
    slowest = max(rows, key=lambda r: r[2])
    print()
    print(f"in-process: median {statistics.median(r[1] for r in rows):.3f} s, "
          f"max {max(r[1] for r in rows):.3f} s")
    print(f"CLI (median per problem over {args.runs} runs): overall median {overall_median:.3f} s, "
          f"max {slowest[2]:.3f} s ({slowest[0]}); slowest single run {max(r[3] for r in rows):.3f} s")
    print(f"CLI CPU time (CLI process + grading worker): median {statistics.median(r[4] for r in rows):.3f} s; "
          f"load average at end: {' '.join(f'{x:.2f}' for x in os.getloadavg())}")
    over = [r[0] for r in rows if r[2] >= CLI_MAX_TARGET]
    ok_max = not over
    ok_median = overall_median < CLI_MEDIAN_TARGET
    print(f"target: every problem under {CLI_MAX_TARGET:g} s through the CLI: "
          + ("MET" if ok_max else f"NOT MET ({', '.join(over)})"))
    print(f"target: median under {CLI_MEDIAN_TARGET:g} s through the CLI: "
          + ("MET" if ok_median else f"NOT MET ({overall_median:.3f} s)"))
    return 0


if __name__ == "__main__":
    sys.exit(main())
