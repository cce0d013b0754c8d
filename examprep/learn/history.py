"""`examprep export FILE` / `examprep import FILE`: moving a history between machines.

The file is JSON, schema "examprep.learn.history/1": {"schema", "exported_at", "attempts":
[...], "sessions": [...]}, each attempt with the columns of examprep.learn.progress.Attempt.
Import adds what is not there yet (by id), so importing the same file twice changes
nothing.
"""
import json
from pathlib import Path

from examprep.learn import progress


def _say(args, ja, en, err=False):
    import sys

    (sys.stderr if err else sys.stdout).write((ja if args.lang == "ja" else en) + "\n")


def export_main(args):
    path = Path(args.file)
    if path.exists() and not args.force:
        _say(args, f"examprep: {path} は既にあります (上書きするには --force)。",
             f"examprep: {path} exists (use --force to overwrite).", err=True)
        return 2
    with progress.Store() as store:
        data = store.export()
    from examprep.common.files import write_atomically

    try:
        write_atomically(path, json.dumps(data, ensure_ascii=False, indent=1))
    except OSError as exc:
        _say(args, f"examprep: {path} に書き込めません: {exc.strerror}", f"examprep: cannot write {path}: {exc.strerror}",
             err=True)
        return 2
    n = len(data["attempts"])
    exams = sum(1 for x in data["sessions"] if x["kind"] == "exam")
    _say(args, f"{path} に {n} 件の解答記録と模試 {exams} 回を書き出しました。",
         f"Wrote {n} attempts and {exams} mock exam(s) to {path}.")
    return 0


def import_main(args):
    path = Path(args.file)
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except FileNotFoundError:
        _say(args, f"examprep: ファイル {path} がありません。", f"examprep: no file {path}.", err=True)
        return 2
    except (OSError, UnicodeDecodeError, ValueError) as exc:
        _say(args, f"examprep: {path} は JSON として読めません: {exc}", f"examprep: {path} is not readable JSON: {exc}",
             err=True)
        return 2
    try:
        with progress.Store() as store:
            counts = store.import_(data)
    except ValueError as exc:
        _say(args, f"examprep: {path} は examprep の履歴ではありません: {exc}",
             f"examprep: {path} is not an examprep history: {exc}", err=True)
        return 2
    _say(args, f"{counts['added']} 件を取り込みました ({counts['skipped']} 件は既にありました)。",
         f"Imported {counts['added']} attempts ({counts['skipped']} were already here).")
    return 0
