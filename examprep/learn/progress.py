"""The progress store: every graded attempt, in SQLite (the standard library's sqlite3).

The database lives in the data directory (examprep.common.paths: EXAMPREP_HOME or XDG),
file progress.sqlite3. WAL journal, one transaction per attempt: an attempt is on
disk the moment it is graded, and Ctrl-C or kill -9 loses at most the answer being
typed. The schema is versioned (PRAGMA user_version) and upgraded by MIGRATIONS in
order, after a backup copy of the file is made; nothing is ever dropped or reset.

A locked, read-only or damaged database raises StoreError with a message in both
languages naming the path and the way out; the caller shows it and stops.
"""
import json
import os
import re
import shutil
import sqlite3
import time
import uuid
from contextlib import closing
from dataclasses import asdict, dataclass, field
from datetime import datetime, timezone

from examprep.common import paths
from examprep.common.errors import BilingualError

DB_NAME = "progress.sqlite3"
EXPORT_SCHEMA = "examprep.learn.history/1"
MODES = ("drill", "practice", "check", "exam")

# MIGRATIONS[i] upgrades a database from version i to version i + 1 (split on ";": no ";" in comments).
MIGRATIONS = [
    """
    CREATE TABLE attempts (
        id TEXT PRIMARY KEY,             -- uuid4: stable across export / import
        problem TEXT NOT NULL,
        mode TEXT NOT NULL CHECK (mode IN ('drill', 'practice', 'check', 'exam')),
        level TEXT,                      -- easy / normal / hard / full, NULL for a whole file
        blanks INTEGER,                  -- number of blanks, NULL for a whole file
        seed INTEGER,
        passed INTEGER NOT NULL,         -- 1 when the whole answer passed
        unfinished INTEGER NOT NULL DEFAULT 0,  -- time ran out before the answer was complete
        blank_results TEXT NOT NULL DEFAULT '[]',  -- JSON [{label, passed, tries, hints, revealed, reference}]
        failure_check TEXT,              -- the failing check ('shape', 'values' ...), NULL when passed
        answer TEXT,                     -- the learner's text as graded
        hints INTEGER NOT NULL DEFAULT 0,
        reveals INTEGER NOT NULL DEFAULT 0,
        seconds REAL,                    -- time taken on the question
        session_id TEXT,                 -- the practice session or exam it belongs to
        created_at TEXT NOT NULL         -- ISO 8601, UTC
    );
    CREATE INDEX attempts_problem ON attempts (problem, created_at);
    CREATE TABLE sessions (
        id TEXT PRIMARY KEY,
        kind TEXT NOT NULL,              -- 'practice' (later: 'exam')
        started_at TEXT NOT NULL,
        ended_at TEXT,
        planned_minutes REAL,
        summary TEXT NOT NULL DEFAULT '{}'   -- JSON
    );
    """,
    # v2: the answers of mock exams (the exam itself is a sessions row of kind 'exam', its result in summary)
    """
    CREATE TABLE exam_answers (
        id TEXT PRIMARY KEY,             -- '<session id>:<question id>'
        session_id TEXT NOT NULL,
        question_id TEXT NOT NULL,
        kind TEXT NOT NULL,              -- code_choice / code_free / calc
        problem TEXT,                    -- code questions: the problem id
        template TEXT,                   -- calc questions: the template id
        area TEXT NOT NULL,              -- syllabus area '1'..'5'
        item TEXT,
        answer TEXT,                     -- the option's text or the typed fill, as given (NULL when unanswered)
        correct INTEGER NOT NULL,
        flagged INTEGER NOT NULL DEFAULT 0,
        seconds REAL,                    -- time spent on the question
        diagnosis TEXT,                  -- JSON {check, ja, en}: why the answer given is wrong
        created_at TEXT NOT NULL
    );
    CREATE INDEX exam_answers_session ON exam_answers (session_id);
    """,
]
SCHEMA_VERSION = len(MIGRATIONS)
EXAM_ANSWER_COLUMNS = ["id", "session_id", "question_id", "kind", "problem", "template", "area", "item", "answer",
                       "correct", "flagged", "seconds", "diagnosis", "created_at"]


class StoreError(BilingualError):
    """The database cannot be used; .ja / .en say why and what to do."""

    def __init__(self, code, ja, en, path):
        super().__init__(ja, en)
        self.code = code
        self.path = str(path)


@dataclass
class Attempt:
    problem: str
    mode: str
    passed: bool
    level: str = None
    blanks: int = None
    seed: int = None
    unfinished: bool = False
    blank_results: list = field(default_factory=list)
    failure_check: str = None
    answer: str = None
    hints: int = 0
    reveals: int = 0
    seconds: float = None
    session_id: str = None
    created_at: str = None
    id: str = None


COLUMNS = [f for f in Attempt.__dataclass_fields__]


def now_iso():
    return datetime.now(timezone.utc).isoformat(timespec="seconds")


def db_path():
    return paths.data_dir() / DB_NAME


def _classify(exc, path):
    text = str(exc).lower()
    damaged = "malformed" in text or "not a database" in text or "corrupt" in text
    if "locked" in text or "busy" in text:
        return StoreError("locked",
                          f"進捗データベース {path} が他のプロセスにロックされています。もう一方の examprep を終了して"
                          f"からやり直してください。",
                          f"The progress database {path} is locked by another process: close the other examprep "
                          f"and try again.", path)
    if isinstance(exc, OSError) and not damaged:
        return StoreError("unusable",
                          f"データフォルダ {os.path.dirname(path)} を使えません ({exc})。EXAMPREP_HOME などの設定を確認してください。",
                          f"Cannot use the data folder {os.path.dirname(path)} ({exc}): check EXAMPREP_HOME and its "
                          f"permissions.", path)
    if not damaged and ("readonly" in text or "read-only" in text or "permission" in text or "unable to open" in text):
        return StoreError("readonly",
                          f"進捗データベース {path} に書き込めません (読み取り専用または権限なし)。"
                          f"ファイルとフォルダの権限を確認するか、EXAMPREP_HOME で別の場所を指定してください。",
                          f"Cannot write the progress database {path} (read-only or no permission): check the "
                          f"permissions of the file and its folder, or point EXAMPREP_HOME elsewhere.", path)
    if not damaged and "full" in text:
        return StoreError("full", f"ディスクがいっぱいで {path} に保存できません。空きを作ってからやり直してください。",
                          f"The disk is full: cannot save to {path}. Free some space and try again.", path)
    backup = _backup_damaged(path)
    where_ja = f"壊れたファイルのコピーを {backup} に保存しました。" if backup else ""
    where_en = f" A copy of the damaged file is at {backup}." if backup else ""
    return StoreError("corrupt",
                      f"進捗データベース {path} が壊れているため読めません ({exc})。{where_ja}"
                      f"エクスポートした履歴があれば、このファイルを別の場所へ移してから examprep import で戻せます。"
                      f"examprep が自動で消去することはありません。",
                      f"The progress database {path} is damaged and cannot be read ({exc}).{where_en} Move the "
                      f"file aside to start a new history (examprep import restores an export); examprep never "
                      f"deletes it by itself.", path)


def _backup_damaged(path):
    try:
        if not os.path.exists(path):
            return None
        import hashlib

        with open(path, "rb") as f:
            digest = hashlib.sha256(f.read()).hexdigest()[:12]
        target = f"{path}.damaged-{digest}"  # one copy per damaged content, however often it is opened
        if not os.path.exists(target):
            shutil.copy2(path, target)
        return target
    except OSError:
        return None


class Store:
    """The learner's history. Use as a context manager, or call close()."""

    def __init__(self, path=None, timeout=5.0):
        self.path = str(path or db_path())
        try:
            os.makedirs(os.path.dirname(self.path), exist_ok=True)
        except OSError as exc:
            raise _classify(exc, self.path) from None
        try:
            self.conn = sqlite3.connect(self.path, timeout=timeout, isolation_level=None)
            self.conn.row_factory = sqlite3.Row
            self._wal(timeout)
            self.conn.execute("PRAGMA synchronous=NORMAL")
            self._migrate()
        except sqlite3.Error as exc:
            raise _classify(exc, self.path) from None

    def __enter__(self):
        return self

    def __exit__(self, *exc):
        self.close()

    def close(self):
        self.conn.close()

    def _wal(self, timeout):
        """Switch the file to WAL (once per file; a no-op after). On a new file SQLite may refuse the switch with
        "database is locked" at once, without waiting, while another process opens it too: retry until timeout."""
        deadline = time.monotonic() + timeout
        while True:
            try:
                self.conn.execute("PRAGMA journal_mode=WAL")
                return
            except sqlite3.OperationalError as exc:
                if "locked" not in str(exc).lower() or time.monotonic() > deadline:
                    raise
                time.sleep(0.02)

    def version(self):
        return self.conn.execute("PRAGMA user_version").fetchone()[0]

    def _migrate(self):
        current = self.version()
        if current > SCHEMA_VERSION:
            raise StoreError("newer",
                             f"{self.path} は新しい版の examprep で作られています (スキーマ {current})。examprep を更新してください。",
                             f"{self.path} was written by a newer examprep (schema {current}): upgrade examprep.",
                             self.path)
        if current == SCHEMA_VERSION:
            return
        has_data = current > 0
        if has_data:
            backup = f"{self.path}.before-v{SCHEMA_VERSION}"
            if not os.path.exists(backup):
                self.conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
                shutil.copy2(self.path, backup)
        for version in range(current, SCHEMA_VERSION):
            self.conn.execute("BEGIN IMMEDIATE")
            if self.version() > version:  # another process upgraded it while this one waited for the lock
                self.conn.execute("COMMIT")
                continue
            try:
                for statement in MIGRATIONS[version].split(";"):
                    if statement.strip():
                        self.conn.execute(statement)
                self.conn.execute(f"PRAGMA user_version = {version + 1}")
                self.conn.execute("COMMIT")
            except sqlite3.Error as exc:
                self.conn.execute("ROLLBACK")
                if "locked" in str(exc).lower() or "readonly" in str(exc).lower():
                    raise
                raise StoreError("migration",
                                 f"{self.path} をスキーマ {version + 1} に更新できませんでした ({exc})。"
                                 f"ファイルは更新前のまま残っています。",
                                 f"Could not upgrade {self.path} to schema {version + 1} ({exc}); the file is left "
                                 f"as it was.", self.path) from None

    # --- writing ---------------------------------------------------------------------------------------------

    def record(self, attempt):
        """Save one graded attempt, in its own transaction. Returns its id."""
        attempt.id = attempt.id or str(uuid.uuid4())
        attempt.created_at = attempt.created_at or now_iso()
        row = asdict(attempt)
        row["blank_results"] = json.dumps(row["blank_results"], ensure_ascii=False)
        row["passed"] = int(bool(row["passed"]))
        row["unfinished"] = int(bool(row["unfinished"]))
        try:
            with self.conn:
                self.conn.execute("BEGIN IMMEDIATE")
                self.conn.execute(f"INSERT INTO attempts ({', '.join(COLUMNS)}) VALUES "
                                  f"({', '.join(':' + c for c in COLUMNS)})", row)
        except sqlite3.Error as exc:
            raise _classify(exc, self.path) from None
        return attempt.id

    def start_session(self, kind, planned_minutes=None):
        session_id = str(uuid.uuid4())
        self._write("INSERT INTO sessions (id, kind, started_at, planned_minutes) VALUES (?, ?, ?, ?)",
                    (session_id, kind, now_iso(), planned_minutes))
        return session_id

    def end_session(self, session_id, summary):
        self._write("UPDATE sessions SET ended_at = ?, summary = ? WHERE id = ?",
                    (now_iso(), json.dumps(summary, ensure_ascii=False), session_id))

    def finish_exam(self, session_id, summary, answers):
        """End an exam's session row and store its answers, in one transaction. answers: dicts with
        EXAM_ANSWER_COLUMNS (diagnosis a dict or None). Recording the same exam twice changes nothing."""
        rows = [_exam_answer_row(a) for a in answers]
        try:
            with self.conn:
                self.conn.execute("BEGIN IMMEDIATE")
                self.conn.execute("UPDATE sessions SET ended_at = ?, summary = ? WHERE id = ?",
                                  (now_iso(), json.dumps(summary, ensure_ascii=False), session_id))
                self._insert_exam_answers(rows)
        except sqlite3.Error as exc:
            raise _classify(exc, self.path) from None

    def _insert_exam_answers(self, rows):
        """Add exam_answers rows (in the caller's transaction); rows already here (same id) are skipped."""
        for row in rows:
            self.conn.execute(f"INSERT OR IGNORE INTO exam_answers ({', '.join(EXAM_ANSWER_COLUMNS)}) VALUES "
                              f"({', '.join(':' + c for c in EXAM_ANSWER_COLUMNS)})", row)

    def exam_answers(self, session_id=None):
        sql = "SELECT * FROM exam_answers" + (" WHERE session_id = ?" if session_id else "") + " ORDER BY rowid"
        try:
            rows = self.conn.execute(sql, (session_id,) if session_id else ()).fetchall()
        except sqlite3.Error as exc:
            raise _classify(exc, self.path) from None
        return [dict(row, correct=bool(row["correct"]), flagged=bool(row["flagged"]),
                     diagnosis=json.loads(row["diagnosis"]) if row["diagnosis"] else None) for row in rows]

    def _write(self, sql, params):
        try:
            with self.conn:
                self.conn.execute("BEGIN IMMEDIATE")
                self.conn.execute(sql, params)
        except sqlite3.Error as exc:
            raise _classify(exc, self.path) from None

    # --- reading ---------------------------------------------------------------------------------------------

    def attempts(self, since=None, problem=None):
        """Attempts, oldest first, as Attempt objects."""
        sql = "SELECT * FROM attempts WHERE 1 = 1"
        params = []
        if since:
            sql += " AND created_at >= ?"
            params.append(since)
        if problem:
            sql += " AND problem = ?"
            params.append(problem)
        try:
            rows = self.conn.execute(sql + " ORDER BY created_at, rowid", params).fetchall()
        except sqlite3.Error as exc:
            raise _classify(exc, self.path) from None
        return [_attempt(row) for row in rows]

    def sessions(self):
        try:
            rows = self.conn.execute("SELECT * FROM sessions ORDER BY started_at").fetchall()
        except sqlite3.Error as exc:
            raise _classify(exc, self.path) from None
        return [dict(row, summary=json.loads(row["summary"] or "{}")) for row in rows]

    # --- moving a history between machines ------------------------------------------------------------------

    def export(self):
        return {"schema": EXPORT_SCHEMA, "exported_at": now_iso(),
                "attempts": [asdict(a) for a in self.attempts()], "sessions": self.sessions(),
                "exam_answers": self.exam_answers()}

    def import_(self, data):
        """Add an export's attempts and sessions; ones already here (same id) are skipped. Returns counts."""
        if not isinstance(data, dict) or data.get("schema") != EXPORT_SCHEMA:
            raise ValueError(f"not an examprep history export (expected schema {EXPORT_SCHEMA!r})")
        if not isinstance(data.get("attempts", []), list) or not isinstance(data.get("sessions", []), list):
            raise ValueError("attempts and sessions must be lists")
        # Every row is checked before anything is written: a bad file changes nothing.
        attempts = [_attempt_from_dict(item, f"attempts[{i}]") for i, item in enumerate(data.get("attempts", []))]
        sessions = [_session_from_dict(item, f"sessions[{i}]") for i, item in enumerate(data.get("sessions", []))]
        if not isinstance(data.get("exam_answers", []), list):
            raise ValueError("exam_answers must be a list")
        exam_rows = [_exam_answer_row(_exam_answer_from_dict(item, f"exam_answers[{i}]"))
                     for i, item in enumerate(data.get("exam_answers", []))]
        added = skipped = 0
        try:
            with self.conn:
                self.conn.execute("BEGIN IMMEDIATE")
                for attempt in attempts:
                    row = asdict(attempt)
                    row["blank_results"] = json.dumps(row["blank_results"], ensure_ascii=False)
                    row["passed"] = int(bool(row["passed"]))
                    row["unfinished"] = int(bool(row["unfinished"]))
                    cur = self.conn.execute(f"INSERT OR IGNORE INTO attempts ({', '.join(COLUMNS)}) VALUES "
                                            f"({', '.join(':' + c for c in COLUMNS)})", row)
                    added += cur.rowcount
                    skipped += 1 - cur.rowcount
                for s in sessions:
                    self.conn.execute(
                        "INSERT OR IGNORE INTO sessions (id, kind, started_at, ended_at, planned_minutes, summary) "
                        "VALUES (?, ?, ?, ?, ?, ?)",
                        (s["id"], s["kind"], s["started_at"], s.get("ended_at"), s.get("planned_minutes"),
                         json.dumps(s.get("summary", {}), ensure_ascii=False)))
                self._insert_exam_answers(exam_rows)
        except sqlite3.Error as exc:
            raise _classify(exc, self.path) from None
        return {"added": added, "skipped": skipped}


def _attempt(row):
    data = {k: row[k] for k in row.keys() if k in COLUMNS}  # columns a later schema added are not Attempt's
    data["blank_results"] = json.loads(data["blank_results"] or "[]")
    data["passed"] = bool(data["passed"])
    data["unfinished"] = bool(data["unfinished"])
    return Attempt(**data)


FIELD_TYPES = {
    "id": str, "problem": str, "mode": str, "passed": bool, "created_at": str, "level": (str, type(None)),
    "blanks": (int, type(None)), "seed": (int, type(None)), "unfinished": bool, "blank_results": list,
    "failure_check": (str, type(None)), "answer": (str, type(None)), "hints": int, "reveals": int,
    "seconds": (int, float, type(None)), "session_id": (str, type(None)),
}


def _valid_time(text):
    try:
        when = datetime.fromisoformat(text)
    except (TypeError, ValueError):
        return False
    return when.tzinfo is not None


def _typed(item, where, types, required):
    """An export's JSON object with its required keys present and every known field of its type (a bool is not
    taken for a number); ValueError naming the field otherwise. Fields a later version added are ignored."""
    if not isinstance(item, dict):
        raise ValueError(f"{where}: expected a JSON object")
    missing = [k for k in required if k not in item]
    if missing:
        raise ValueError(f"{where}: lacks {missing}")
    for key, value in item.items():
        if key not in types:
            continue
        allowed = types[key] if isinstance(types[key], tuple) else (types[key],)
        if not isinstance(value, allowed) or (isinstance(value, bool) and bool not in allowed):
            raise ValueError(f"{where}.{key}: wrong type {type(value).__name__}")
    if not _valid_time(item["created_at"]):
        raise ValueError(f"{where}.created_at: expected an ISO 8601 time with its offset")
    return item


def _attempt_from_dict(item, where):
    """An Attempt from an export's JSON object, every field's type checked (ValueError naming it)."""
    _typed(item, where, FIELD_TYPES, ("id", "problem", "mode", "passed", "created_at"))
    if item["mode"] not in MODES:
        raise ValueError(f"{where}.mode: unknown mode {item['mode']!r}")
    if not item["id"] or not item["problem"] or not re.fullmatch(r"[a-z][a-z0-9_]*", item["problem"]):
        raise ValueError(f"{where}: id and problem must be non-empty (problem: a lower-case identifier)")
    if not all(isinstance(b, dict) for b in item.get("blank_results", [])):
        raise ValueError(f"{where}.blank_results: expected a list of objects")
    return Attempt(**{k: item.get(k) for k in COLUMNS if k in item})


def _session_from_dict(item, where):
    if not isinstance(item, dict):
        raise ValueError(f"{where}: expected a JSON object")
    for key in ("id", "kind", "started_at"):
        if not isinstance(item.get(key), str) or not item[key]:
            raise ValueError(f"{where}.{key}: expected a non-empty string")
    if not _valid_time(item["started_at"]) or (item.get("ended_at") is not None and not _valid_time(item["ended_at"])):
        raise ValueError(f"{where}: times must be ISO 8601 with their offset")
    if not isinstance(item.get("planned_minutes"), (int, float, type(None))) or \
            not isinstance(item.get("summary", {}), dict):
        raise ValueError(f"{where}: planned_minutes must be a number and summary an object")
    return item


EXAM_ANSWER_TYPES = {
    "id": str, "session_id": str, "question_id": str, "kind": str, "problem": (str, type(None)),
    "template": (str, type(None)), "area": str, "item": (str, type(None)), "answer": (str, type(None)),
    "correct": bool, "flagged": bool, "seconds": (int, float, type(None)), "diagnosis": (dict, type(None)),
    "created_at": str,
}


def _exam_answer_row(answer):
    row = {c: answer.get(c) for c in EXAM_ANSWER_COLUMNS}
    row["correct"] = int(bool(row["correct"]))
    row["flagged"] = int(bool(row["flagged"]))
    row["diagnosis"] = json.dumps(row["diagnosis"], ensure_ascii=False) if row["diagnosis"] else None
    row["created_at"] = row["created_at"] or now_iso()
    return row


def _exam_answer_from_dict(item, where):
    # Nullable fields may be absent; the others are required.
    return _typed(item, where, EXAM_ANSWER_TYPES,
                  ("id", "session_id", "question_id", "kind", "area", "correct", "flagged", "created_at"))


def record_safely(attempt, on_error=None):
    """Record an attempt; on a StoreError call on_error(exc) (to show it) and return None."""
    try:
        with closing(Store()) as store:
            return store.record(attempt)
    except StoreError as exc:
        if on_error:
            on_error(exc)
        return None
