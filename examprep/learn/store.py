"""The learner's own files in their data directory.

solutions/<problem id>.py holds the latest answer that passed, whole (later
features build on it: the capstone trains a network from these components).
Writes go to a temporary file first and are renamed into place, so a crash or
Ctrl-C never leaves half a file. A folder that cannot be written (read-only, full
disk) raises SaveError, whose message says in both languages that the answer was
graded but not saved.
"""
import errno

from examprep.common import files, paths


REASONS = {errno.EROFS: ("読み取り専用のファイルシステムです", "read-only file system"),
           errno.EACCES: ("書き込む権限がありません", "no permission to write"),
           errno.EPERM: ("書き込む権限がありません", "no permission to write"),
           errno.ENOSPC: ("ディスクに空きがありません", "no space left on the disk")}


class SaveError(Exception):
    """The answer could not be saved; ja / en say why (the grading itself stands)."""

    def __init__(self, path, exc):
        self.path = str(path)
        name = errno.errorcode.get(exc.errno, "error") if exc.errno else type(exc).__name__
        reason_ja, reason_en = REASONS.get(exc.errno, (f"書き込めません ({name})", exc.strerror or str(exc)))
        self.ja = f"解答は採点しましたが、保存できませんでした ({path}: {reason_ja})。データフォルダの権限と空き容量を確認してください。"
        self.en = (f"Your answer was graded but not saved ({path}: {reason_en}): check the data folder's "
                   f"permissions and free space.")
        super().__init__(self.en)

    def message(self, lang):
        return self.ja if lang == "ja" else self.en

    def note(self):
        return {"ja": self.ja, "en": self.en}


def solutions_dir():
    return paths.data_dir() / "solutions"


def save_solution(problem_id, text):
    directory = solutions_dir()
    path = directory / f"{problem_id}.py"
    try:
        directory.mkdir(parents=True, exist_ok=True)
        files.write_atomically(path, text)
    except OSError as exc:
        raise SaveError(path, exc) from None
    return path


def latest_solution(problem_id):
    path = solutions_dir() / f"{problem_id}.py"
    return path.read_text(encoding="utf-8") if path.exists() else None
