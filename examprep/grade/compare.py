"""Comparing what the learner's code produced with what the reference produced (in the parent).

The records of both sides are plain data (examprep.grade.kinds.record). Checks run in a
fixed order and stop at the first failure: stage by stage (every case's outputs, then
state, then backward, then the numerical gradient check), and within a record: an error
the learner's code raised, the record's property check (examprep.grade.checks, judged on
its raw observations), then its value (examprep.grade.values: type, shape, finite,
values). Everything that steers the comparison (which check, which mode, what was handed
over) is read from the reference's record, never from the learner's.

A record the learner's run did not produce is reported only when nothing else failed
(an earlier failure usually explains it). Advice that does not fail an answer (dtype)
goes to `notes`.
"""
from examprep.grade import checks, values
from examprep.grade.failure import about
from examprep.grade.kinds.record import STAGES

TOLERANCE = values.TOLERANCE
NUMGRAD_TOLERANCE = checks.NUMGRAD_TOLERANCE


def order(records):
    """Records in checking order: by stage, values before property-only records (a wrong value says more than
    a side effect), keeping case order within each."""
    return sorted(records, key=lambda r: (STAGES.index(r.stage) if r.stage in STAGES else len(STAGES),
                                          r.check is not None and not r.compared))


def compare(expected_records, actual_records, notes=None):
    """The first Failure, or None when everything matches. notes: a list that collects advice."""
    actual_by_key = {}
    for r in actual_records:
        actual_by_key.setdefault(r.key, r)
    missing = None
    for expected in order(expected_records):
        actual = actual_by_key.get(expected.key)
        if actual is None:
            missing = missing or expected
            continue
        failure = judge(expected, actual, notes)
        if failure:
            return _explain_parameter_update(failure)
    expected_keys = {r.key for r in expected_records}
    for r in order(actual_records):
        if r.key not in expected_keys and r.error:
            return error_failure(r)  # an error in a step only the learner's run took
    if missing is not None:
        return about(missing, "missing",
                     f"{missing.what}: 採点に必要な結果が得られませんでした (途中で処理が打ち切られています)。",
                     f"{missing.what}: the grader did not get this result (the run stopped before it).")
    return None


def judge(expected, actual, notes=None):
    """One record: the learner's error, the property check, then the value."""
    if actual.error:
        return error_failure(actual)
    if expected.check:
        failure = checks.judge(expected, actual, notes)
        if failure:
            return failure
    if expected.compared:
        return values.compare_values(expected.value, actual.value, actual, expected.mode, notes)
    return None


def _explain_parameter_update(failure):
    """A layer right at step 1 but wrong once its parameters were updated in place, and which keeps copies of
    them (a parameter attribute shares no memory with the arrays it was given), is told so."""
    ctx = failure.context or {}
    if failure.check == "values" and ctx.get("kept_copies") and (ctx.get("step") or 1) > 1:
        names = ", ".join(f"self.{n}" for n in ctx["kept_copies"])
        return failure.with_text(
            failure.ja + f" ステップの間に、コンストラクタに渡したパラメータ配列をその場で更新しました (オプティマイザと同じ)。"
                         f"{names} は渡された配列のコピーなので、その更新が反映されません。渡された配列自体を使ってください "
                         f"(self.W = W。コピーしない)。",
            failure.en + f" Between steps the parameter arrays given to the constructor were updated in place, as an "
                         f"optimizer does, but {names} is a copy of the array it was given and never sees the update: "
                         f"use the array itself (self.W = W), not a copy.")
    return failure


def error_failure(record):
    if not record.error:
        return None
    info = record.error if isinstance(record.error, dict) else {"message": str(record.error)}
    info = {**info, "type": str(info.get("type", "Exception")), "message": str(info.get("message", ""))}
    where = f" (line {info['line']}: {info['code']})" if info.get("line") else ""
    where_ja = f"({info['line']} 行目: {info['code']})" if info.get("line") else ""
    if info.get("blank"):
        label = info["blank"]
        return about(record, "blank", f"空欄 {label} がまだ埋められていません。",
                     f"Blank {label} is not filled in yet.", blank=label)
    if info.get("missing_attribute"):
        attr = info["missing_attribute"]
        return about(record, "attribute", f"{record.what}: 属性 self.{attr} が設定されていません。",
                     f"{record.what}: the attribute self.{attr} is not set.", attribute=attr)
    if info["type"] == "MemoryError":
        return about(record, "memory", f"{record.what}: メモリ制限を超えました{where_ja}。巨大な配列を作っていませんか?",
                     f"{record.what}: the memory limit was exceeded{where}: is a huge array being allocated?",
                     error=info)
    if info["type"] == "SystemExit":
        return about(record, "exit", f"{record.what} の実行中に sys.exit が呼ばれました{where_ja}。",
                     f"sys.exit was called while running {record.what}{where}.", error=info)
    hint_ja = hint_en = ""
    if "could not be broadcast" in info["message"]:
        hint_ja = " 配列の形が合いません。keepdims=True や sum/mean の axis、転置を確認してください。"
        hint_en = " The shapes do not line up: check keepdims=True, the axis of sum/mean, and transposes."
    elif "shapes" in info["message"] and "not aligned" in info["message"] or "matmul" in info["message"]:
        hint_ja = " 行列積の形が合いません。掛ける順番と転置 (.T) を確認してください。"
        hint_en = " The matrix product's shapes do not match: check the order of the operands and the transposes (.T)."
    return about(record, "exception",
                 f"{record.what} の実行中に {info['type']} が発生しました{where_ja}: {info['message'].strip()}{hint_ja}",
                 f"{info['type']} while running {record.what}{where}: {info['message'].strip()}{hint_en}", error=info)


