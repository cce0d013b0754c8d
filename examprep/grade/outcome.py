"""What one variant's run came to: its Failure (or None) from what the child sent and how it ended.

The child's result message is decoded (examprep.grade.wire) and judged against the reference's records
(examprep.grade.grading); a child that sent nothing ends in a death verdict: time-out (with the line it was
stuck on, from faulthandler's dump), CPU limit, a signal, or an exit.
"""
import re
import signal



def crash_failure(check, ja, en, **details):
    from examprep.grade.failure import Failure

    return Failure(check, ja, en, stage="run", details=details)


def _where_stuck(hang_text):
    """The learner's line a timed-out process was on, from faulthandler's dump."""
    from examprep.grade.kinds import ANSWER_FILENAME

    lines = re.findall(r'File "' + re.escape(ANSWER_FILENAME) + r'", line (\d+) in (\S+)', hang_text)
    if not lines:
        return None
    # faulthandler lists the most recent call first.
    line, function = lines[0]
    return int(line), function


def run_failure(outcome, expected, time_limit, notes, problem=None, seed=0):
    """(failure or None, output) of one variant, from what its child sent and how it ended."""
    from examprep.grade import grading, wire
    from examprep.grade.sandbox import MAX_RESULT_BYTES

    end = outcome["end"] or {}
    clean_exit = end.get("returncode") == 0 and not end.get("timed_out") and not outcome["lost"]
    if outcome["overflow"]:
        return grading.interfered("the result exceeded %d bytes" % MAX_RESULT_BYTES), ""
    if outcome["payload"]:
        try:
            failure, records, output = wire.decode_message(outcome["payload"])
        except wire.WireError as exc:
            if clean_exit:
                return grading.interfered(exc), ""
        else:
            limit = _output_limit()
            output = output[:limit] + ("\n..." if len(output) > limit else "")
            try:
                return grading.judge(expected, failure, records, notes, problem, seed), output
            except Exception as exc:  # noqa: BLE001 - the comparison of plain data failed: examprep's bug
                import traceback

                last = f"{type(exc).__name__}: {exc}"
                return grading.failure("internal", f"examprep の採点処理でエラーが起きました (examprep の不具合です): {last}",
                                       f"examprep's grader failed (a bug in examprep, not in your code): {last}",
                                       traceback=traceback.format_exc()[-2000:]), output
    if clean_exit:
        return grading.interfered("the grading process sent no result"), ""
    if outcome["backstop"]:
        return _death_verdict(None, "", time_limit, timed_out=True), ""
    if not end:
        return crash_failure("crash", "採点プロセスが途中で強制終了されました。",
                              "The grading process was killed while grading.", signal=None), ""
    return _death_verdict(end.get("returncode"), end.get("hang") or "", time_limit, bool(end.get("timed_out"))), ""


def _output_limit():
    from examprep.grade import worker

    return worker.OUTPUT_LIMIT


def _death_verdict(returncode, hang_text, time_limit, timed_out=False):
    stuck = _where_stuck(hang_text) if hang_text else None
    if timed_out or "Timeout (" in (hang_text or ""):
        where_en = f" (stuck at line {stuck[0]} in {stuck[1]})" if stuck else ""
        where_ja = f"({stuck[1]} の {stuck[0]} 行目で停止)" if stuck else ""
        return crash_failure("timeout",
                              f"制限時間 {time_limit:g} 秒を超えました{where_ja}。無限ループになっていませんか?",
                              f"Time limit of {time_limit:g} s exceeded{where_en}: an infinite loop?",
                              line=stuck[0] if stuck else None, time_limit=time_limit)
    if returncode == -signal.SIGXCPU:
        return crash_failure("timeout", "CPU 時間の制限を超えました。無限ループになっていませんか?",
                              "CPU time limit exceeded: an infinite loop?")
    if returncode is not None and returncode < 0:
        name = signal.Signals(-returncode).name if -returncode in signal.Signals.__members__.values() else str(-returncode)
        return crash_failure("crash", f"採点プロセスがシグナル {name} で異常終了しました (セグメンテーション違反など)。",
                              f"The grading process crashed with signal {name} (a segmentation fault or similar).",
                              signal=name)
    return crash_failure("exit",
                          f"採点の途中でプロセスが終了しました (終了コード {returncode})。os._exit や exit を呼んでいませんか?",
                          f"The process exited during grading (exit code {returncode}): is os._exit or exit called?",
                          returncode=returncode)
