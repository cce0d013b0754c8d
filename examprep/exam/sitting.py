"""One sitting of the mock exam: its state file, the clock, the answers, submission (scored by exam.scoring).

The state of a sitting is one JSON file, <data dir>/exams/<id>.json (schema
examprep.sitting/1), rewritten atomically after every answer, flag and move: the
questions as generated, the answers as given ({choice} or {text}, flagged, seconds
spent), the wall-clock deadline and the status. Because the deadline is wall-clock time,
the clock keeps running while the program is closed; `--resume` continues the open
sitting, and one whose deadline has passed is submitted as it stands (reason
"timeout"). A sitting also has a sessions row of kind "exam" in the progress store from
its start; on submission the row gets the result (summary) and every question gets an
exam_answers row, in one transaction (Store.finish_exam).
"""
import json
import os
import time
import uuid
from datetime import datetime, timezone

from examprep.common import files, paths
from examprep.common.errors import BilingualError
from examprep.exam.model import Question
from examprep.exam.scoring import grade_free_answers, grade_whole_set, score

SCHEMA = "examprep.sitting/1"
DEFAULT_QUESTIONS = 100
DEFAULT_MINUTES = 120.0


class SittingError(BilingualError):
    """An exam file that cannot be read, written or locked, or an output file that may not be replaced."""


def exams_dir():
    return paths.data_dir() / "exams"


def default_minutes(count):
    """The real exam's pace: 120 minutes for 100 questions (at least 1 minute)."""
    return max(1.0, round(DEFAULT_MINUTES * count / DEFAULT_QUESTIONS, 1))


class Sitting:
    """A sitting's state (the JSON file's content) and the operations on it. Every change is saved at once."""

    def __init__(self, data, path):
        self.data = data
        self.path = path
        self.questions = [Question.from_json(q) for q in data["questions"]]

    # --- creating, loading, saving ---------------------------------------------------------------------------

    @classmethod
    def new(cls, questions, minutes, seed, areas, session_id=None, now=None):
        now = time.time() if now is None else now
        stamp = datetime.fromtimestamp(now, timezone.utc).strftime("%Y%m%d-%H%M%S")
        sitting_id = f"{stamp}-{uuid.uuid4().hex[:6]}"
        data = {"schema": SCHEMA, "id": sitting_id, "session_id": session_id, "seed": seed, "areas": areas,
                "minutes": minutes, "started_at": now, "deadline": now + minutes * 60, "status": "open",
                "current": 0, "submitted_at": None, "reason": None, "result": None,
                "questions": [q.to_json() for q in questions],
                "answers": {q.id: {"choice": None, "text": None, "flagged": False, "seconds": 0.0,
                                   "answered_at": None} for q in questions}}
        exams_dir().mkdir(parents=True, exist_ok=True)
        sitting = cls(data, exams_dir() / f"{sitting_id}.json")
        sitting.save()
        return sitting

    @classmethod
    def load(cls, path):
        try:
            data = json.loads(path.read_text(encoding="utf-8"))
        except (OSError, ValueError) as exc:
            raise SittingError(f"試験の記録 {path} を読めません ({exc})。", f"cannot read the exam file {path} ({exc}).")
        if not isinstance(data, dict) or data.get("schema") != SCHEMA:
            raise SittingError(f"{path} は examprep の試験の記録ではありません。", f"{path} is not an examprep exam file.")
        return cls(data, path)

    def save(self):
        files.write_atomically(self.path, json.dumps(self.data, ensure_ascii=False))

    @staticmethod
    def every():
        """Every sitting on disk, oldest first (a damaged file is skipped: it can be neither resumed nor recorded)."""
        out = []
        for path in sorted(exams_dir().glob("*.json")) if exams_dir().is_dir() else []:
            try:
                out.append(Sitting.load(path))
            except SittingError:
                continue
        return out

    @staticmethod
    def open_ones():
        """Open sittings, oldest first. A file that cannot be read (it may have been the open one) is moved aside,
        kept whole as <name>.damaged-<hash>, and reported with SittingError naming both."""
        out = []
        for path in sorted(exams_dir().glob("*.json")) if exams_dir().is_dir() else []:
            try:
                sitting = Sitting.load(path)
            except SittingError as exc:
                raise _damaged(path) from exc
            if sitting.data["status"] == "open":
                out.append(sitting)
        return out

    # --- the clock --------------------------------------------------------------------------------------------

    def remaining(self, now=None):
        return self.data["deadline"] - (time.time() if now is None else now)

    def expired(self, now=None):
        return self.remaining(now) <= 0

    def pace(self):
        """Seconds a question at the exam's pace: the time allowed shared by all questions, choice or typed alike
        (72 s at the default 100 questions in 120 minutes)."""
        return self.data["minutes"] * 60 / max(1, len(self.questions))

    # --- answering --------------------------------------------------------------------------------------------

    @property
    def current(self):
        return self.data["current"]

    def answer_of(self, index):
        return self.data["answers"][self.questions[index].id]

    def go(self, index):
        self.data["current"] = max(0, min(len(self.questions) - 1, index))
        self.save()

    def choose(self, index, option):
        q = self.questions[index]
        if q.kind == "code_free" or not 0 <= option < len(q.options):
            raise ValueError(option)
        a = self.answer_of(index)
        a["choice"], a["answered_at"] = option, time.time()
        self.save()

    def write(self, index, text):
        if self.questions[index].kind != "code_free":
            raise ValueError(index)
        a = self.answer_of(index)
        a["text"], a["answered_at"] = text, time.time()
        self.save()

    def toggle_flag(self, index):
        a = self.answer_of(index)
        a["flagged"] = not a["flagged"]
        self.save()
        return a["flagged"]

    def add_time(self, index, seconds):
        """Time spent looking at a question (saved with the next change)."""
        self.answer_of(index)["seconds"] += max(0.0, seconds)

    def answered(self, index):
        a = self.answer_of(index)
        return a["choice"] is not None or bool((a["text"] or "").strip())

    def counts(self):
        n = len(self.questions)
        answered = sum(1 for i in range(n) if self.answered(i))
        flagged = sum(1 for q in self.questions if self.data["answers"][q.id]["flagged"])
        return {"total": n, "answered": answered, "unanswered": n - answered, "flagged": flagged}

    # --- submission -------------------------------------------------------------------------------------------

    def submit(self, reason, grade_free=None, grade_set=None, now=None):
        """Score the sitting, mark it submitted and save. reason: submitted | timeout (a sitting past its deadline
        is always "timeout"). Returns the result dict. Graders (default: the sandbox):
        grade_free(problem_id, [(qid, question, text)]) -> {qid: failure or None, or "stale"};
        grade_set(problem_id, [(question, text)]) -> failure or None, or "stale"."""
        if self.data["status"] == "submitted":
            return self.data["result"]
        now = time.time() if now is None else now
        self.data["status"] = "submitted"
        self.data["reason"] = "timeout" if self.expired(now) else reason
        self.data["submitted_at"] = min(now, self.data["deadline"])
        self.data["result"] = score(self, grade_free or grade_free_answers, grade_set or grade_whole_set)
        self.data["recorded"] = False
        self.save()
        return self.data["result"]

    @staticmethod
    def unrecorded():
        """Submitted sittings whose result is not in the progress store yet (it was locked or unwritable then)."""
        return [s for s in Sitting.every() if s.data["status"] == "submitted" and s.data.get("recorded") is False]

    def lock(self):
        """Hold this sitting for this process (a second terminal on the same exam would overwrite its answers).
        SittingError when another process holds it. Released when the process ends."""
        try:
            files.hold_lock(self.path.with_suffix(".lock"))
        except BlockingIOError:
            raise SittingError("この試験は別のターミナルで開かれています。そちらで続けるか、そちらを終了してから再開してください。",
                               "This exam is open in another terminal: go on there, or close it first.") from None


def _damaged(path):
    """Move an unreadable exam file out of the way (so later commands work), keeping it; the SittingError to show."""
    import hashlib

    try:
        digest = hashlib.sha256(path.read_bytes()).hexdigest()[:12]
        kept = path.with_name(f"{path.name}.damaged-{digest}")
        os.replace(path, kept)
    except OSError:
        kept = path
    return SittingError(
        f"試験の記録 {path.name} が壊れていて読めないため、再開できません。ファイルは {kept} に残してあります。"
        f"新しい試験は examprep mock-exam で始められます。",
        f"The exam file {path.name} is damaged and cannot be read, so it cannot be resumed. The file is "
        f"kept as {kept}. Start a new exam with examprep mock-exam.")


def record(sitting, result):
    """Put the finished sitting into the progress store (its session row and one exam_answers row per question)."""
    from examprep.learn import progress

    summary = {k: result[k] for k in ("questions", "graded", "correct", "rate", "pass_line", "passed", "reason",
                                      "seed", "minutes", "seconds_used", "answered")}
    summary["per_area"] = {k: {"correct": v["correct"], "total": v["total"]} for k, v in result["per_area"].items()}
    summary["sitting"] = sitting.data["id"]
    with progress.Store() as store:
        session_id = sitting.data.get("session_id")
        if not session_id:
            session_id = store.start_session("exam", sitting.data["minutes"])
            sitting.data["session_id"] = session_id
            sitting.save()
        stamp = datetime.fromtimestamp(sitting.data["submitted_at"], timezone.utc).isoformat(timespec="seconds")
        answers = [{"id": f"{session_id}:{r['question_id']}", "session_id": session_id,
                    "question_id": r["question_id"], "kind": r["kind"], "problem": r["problem"],
                    "template": r["template"], "area": r["area"], "item": r["item"], "answer": r["answer"],
                    "correct": r["correct"], "flagged": r["flagged"], "seconds": r["seconds"],
                    "diagnosis": r["diagnosis"], "created_at": stamp} for r in result["items"]]
        store.finish_exam(session_id, summary, answers)
    sitting.data["recorded"] = True
    sitting.save()


def start_session(minutes):
    """The sessions row of a new exam (None when the store cannot be used: the exam still runs)."""
    from examprep.learn import progress

    with progress.Store() as store:
        return store.start_session("exam", minutes)


def refuse_existing(path_text, force):
    """SittingError when an output file (--print / --export) exists and --force was not given: said before the
    questions are made (that can take minutes the first time), and again when it is written."""
    from pathlib import Path

    path = Path(path_text)
    if path.exists() and not force:
        raise SittingError(f"{path} は既にあります (上書きするには --force)。", f"{path} exists (use --force to overwrite).")
    return path


def write_new(path_text, text, force):
    """Write an output file (--print / --export); SittingError when it exists without --force or cannot be written."""
    path = refuse_existing(path_text, force)
    try:
        files.write_atomically(path, text)
    except OSError as exc:
        raise SittingError(f"{path} に書き込めません: {exc.strerror}", f"cannot write {path}: {exc.strerror}")
    return path

