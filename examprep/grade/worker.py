"""The grading process: `python -m examprep.grade.worker RESULT_FD HANG_FILE`.

Reads a job (JSON) on standard input: the problem file, the seed, the limits and the
source variants to grade. Computes the reference's records once, replaces the
reference targets with tripwires, then grades each variant in turn and writes one
JSON line per variant to RESULT_FD. If a variant runs past its time limit,
faulthandler writes every thread's traceback to HANG_FILE and the process exits;
examprep.grade.sandbox reads where it was stuck and carries on with the next variants in
a new process.
"""
import contextlib
import faulthandler
import io
import json
import os
import resource
import sys

OUTPUT_LIMIT = 4000


def _limit_resources(memory_mb, cpu_seconds):
    limit = memory_mb << 20
    resource.setrlimit(resource.RLIMIT_AS, (limit, limit))
    resource.setrlimit(resource.RLIMIT_CPU, (cpu_seconds, cpu_seconds + 1))
    resource.setrlimit(resource.RLIMIT_CORE, (0, 0))


def main(argv):
    result_fd = int(argv[1])
    hang_file = open(argv[2], "w")
    # Import what grading needs before waiting for the job: a process started ahead of
    # time (sandbox.prestart) is ready by the time the job arrives.
    import numpy  # noqa: F401

    from examprep.problem import catalog
    from examprep.grade import grading

    job = json.loads(sys.stdin.read())
    out = os.fdopen(result_fd, "w", buffering=1)

    def emit(obj):
        out.write(json.dumps(obj, default=str) + "\n")
        out.flush()

    problem = catalog.load_file(job["problem_file"])
    expected = grading.expected_records(problem, job["seed"])
    emit({"event": "ready", "checks": grading.count_checks(expected)})
    _limit_resources(job["memory_mb"], job["cpu_seconds"])
    grading.install_tripwires(problem)

    for i, variant in enumerate(job["variants"]):
        emit({"event": "start", "variant": variant["name"]})
        faulthandler.dump_traceback_later(job["time_limit"], exit=True, file=hang_file)
        captured = io.StringIO()
        try:
            with contextlib.redirect_stdout(captured), contextlib.redirect_stderr(captured):
                fail = grading.grade_source(problem, variant["source"], expected, job["seed"])
        except MemoryError:
            fail = grading.failure("memory", "メモリ制限を超えました (巨大な配列を作っていませんか)。",
                                   "The memory limit was exceeded (is a huge array being allocated?).")
        except Exception as exc:  # noqa: BLE001 - a bug in examprep itself must not look like the learner's exit
            import traceback

            last = traceback.format_exception_only(type(exc), exc)[-1].strip()
            fail = grading.failure("internal",
                                   f"examprep の採点処理でエラーが起きました (examprep の不具合です): {last}",
                                   f"examprep's grader failed (a bug in examprep, not in your code): {last}",
                                   traceback=traceback.format_exc()[-2000:])
        finally:
            faulthandler.cancel_dump_traceback_later()
        output = captured.getvalue()
        emit({"event": "result", "variant": variant["name"], "failure": fail,
              "output": output[:OUTPUT_LIMIT] + ("\n..." if len(output) > OUTPUT_LIMIT else "")})
        if i == 0 and fail is None and job.get("stop_if_first_passes"):
            break
    emit({"event": "done"})
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
