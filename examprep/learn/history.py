"""`examprep export FILE` / `examprep import FILE`: moving a history between machines.

The file is JSON, schema "examprep.learn.history/1": {"schema", "exported_at", "attempts": [...], "sessions": [...],
"exam_answers": [...], "solutions": {problem id: {"text", "saved_at"}}}, each attempt with the columns of
examprep.learn.records.Attempt. Import adds what is not there yet (attempts by id), so importing the same file
twice changes nothing. solutions/ (the latest passing answer per problem, which `capstone --components mine` builds
from) travels too: an imported solution is written when this machine has none for the problem or an older one.
Counts are said as the report counts them: attempts are runs (examprep.learn.reviews.runs), each of one or more
graded rounds (the rows of the file).
"""
import json
import os
import re
from datetime import datetime, timezone
from pathlib import Path

from examprep.common import errors
from examprep.learn import progress, records, store

PROBLEM_ID = re.compile(r"^[a-z][a-z0-9_]*$")     # a solution's name is a file name: nothing else is accepted


def _say(args, ja, en):
    print(ja if args.lang == "ja" else en)


def _mtime_iso(path):
    return datetime.fromtimestamp(path.stat().st_mtime, timezone.utc).isoformat(timespec="seconds")


def export_solutions():
    """{problem id: {"text", "saved_at"}} of this machine's solutions/."""
    directory = store.solutions_dir()
    out = {}
    if directory.is_dir():
        for path in sorted(directory.glob("*.py")):
            if PROBLEM_ID.match(path.stem):
                out[path.stem] = {"text": path.read_text(encoding="utf-8"), "saved_at": _mtime_iso(path)}
    return out


def check_solutions(data):
    """The export's solutions, checked before anything is written (ValueError names what is wrong)."""
    solutions = data.get("solutions", {})
    if not isinstance(solutions, dict):
        raise ValueError("solutions must be an object")
    for pid, item in solutions.items():
        if not PROBLEM_ID.match(str(pid)):
            raise ValueError(f"solutions: {pid!r} is not a problem id")
        if not isinstance(item, dict) or not isinstance(item.get("text"), str):
            raise ValueError(f"solutions[{pid!r}]: expected {{\"text\": ..., \"saved_at\": ...}}")
        try:
            datetime.fromisoformat(str(item.get("saved_at")))
        except ValueError:
            raise ValueError(f"solutions[{pid!r}].saved_at: not an ISO 8601 time") from None
    return solutions


def import_solutions(solutions):
    """Write the imported solutions that are new here or newer than ours; (added, updated)."""
    added = updated = 0
    for pid, item in solutions.items():
        path = store.solutions_dir() / f"{pid}.py"
        saved = datetime.fromisoformat(item["saved_at"])
        if saved.tzinfo is None:
            saved = saved.replace(tzinfo=timezone.utc)
        if path.exists():
            if path.read_text(encoding="utf-8") == item["text"]:
                continue
            if datetime.fromtimestamp(path.stat().st_mtime, timezone.utc) >= saved:
                continue                      # ours is the later passing answer
            updated += 1
        else:
            added += 1
        written = store.save_solution(pid, item["text"])
        os.utime(written, (saved.timestamp(), saved.timestamp()))   # keeps "newer" meaningful on the next import
    return added, updated


def run_count(attempt_dicts):
    """Attempts as the report counts them: runs of graded rounds."""
    from examprep.learn import reviews

    rows = [records.Attempt(**{k: a.get(k) for k in records.COLUMNS if k in a}) for a in attempt_dicts]
    return len(reviews.runs(rows))


def export_main(args):
    path = Path(args.file)
    if path.exists() and not args.force:
        return errors.fail(args.lang, {"ja": f"{path} は既にあります (上書きするには --force)。",
                                       "en": f"{path} exists (use --force to overwrite)."})
    with progress.Store() as st:
        data = st.export()
    data["solutions"] = export_solutions()
    from examprep.common.files import write_atomically

    try:
        write_atomically(path, json.dumps(data, ensure_ascii=False, indent=1))
    except OSError as exc:
        return errors.fail(args.lang, {"ja": f"{path} に書き込めません: {exc.strerror}",
                                       "en": f"cannot write {path}: {exc.strerror}"})
    rounds = len(data["attempts"])
    runs = run_count(data["attempts"])
    exams = sum(1 for x in data["sessions"] if x["kind"] == "exam")
    sols = len(data["solutions"])
    _say(args, f"{path} に取り組み {runs} 回 (採点 {rounds} ラウンド)、模試 {exams} 回、合格した解答 {sols} 問を書き出しました。",
         f"Wrote {runs} attempts ({rounds} graded rounds), {exams} mock exam(s) and {sols} passing answer(s) to {path}.")
    return 0


def import_main(args):
    path = Path(args.file)
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except FileNotFoundError:
        return errors.fail(args.lang, {"ja": f"ファイル {path} がありません。", "en": f"no file {path}."})
    except (OSError, UnicodeDecodeError, ValueError) as exc:
        return errors.fail(args.lang, {"ja": f"{path} は JSON として読めません: {exc}",
                                       "en": f"{path} is not readable JSON: {exc}"})
    try:
        solutions = check_solutions(data) if isinstance(data, dict) else {}
        with progress.Store() as st:
            counts = st.import_(data)
    except ValueError as exc:
        return errors.fail(args.lang, {"ja": f"{path} は examprep の履歴ではありません: {exc}",
                                       "en": f"{path} is not an examprep history: {exc}"})
    added, updated = import_solutions(solutions)
    runs = run_count(data.get("attempts", []))
    _say(args, f"採点 {counts['added']} ラウンドを取り込みました ({counts['skipped']} ラウンドは既にありました。ファイル全体で取り組み "
               f"{runs} 回)。合格した解答: 新規 {added} 問、更新 {updated} 問。",
         f"Imported {counts['added']} graded rounds ({counts['skipped']} were already here; the file holds {runs} "
         f"attempts). Passing answers: {added} added, {updated} updated.")
    return 0
