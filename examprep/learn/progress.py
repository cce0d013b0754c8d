"""The progress store: every graded attempt, in SQLite (the standard library's sqlite3).

The database lives in the data directory (examprep.common.paths: EXAMPREP_HOME or XDG),
file progress.sqlite3. WAL journal, one transaction per attempt: an attempt is on
disk the moment it is graded, and Ctrl-C or kill -9 loses at most the answer being
typed. The schema is versioned (PRAGMA user_version) and upgraded by MIGRATIONS
(examprep.learn.migrations) in order, after a backup copy of the file is made;
nothing is ever dropped or reset. The records and their checks on import are
examprep.learn.records.

A locked, read-only or damaged database raises StoreError (examprep.learn.store_errors)
with a message in both languages naming the path and the way out; the caller shows it
and stops.
"""
import json
import os
import shutil
import sqlite3
import time
import uuid
from contextlib import closing
from dataclasses import asdict

from examprep.common import paths
from examprep.learn.migrations import MIGRATIONS, SCHEMA_VERSION
from examprep.learn.records import (COLUMNS, EXAM_ANSWER_COLUMNS, attempt_from_dict, attempt_from_row, attempt_row,
                                    exam_answer_from_dict, exam_answer_row, now_iso, session_from_dict)
from examprep.learn.store_errors import StoreError, classify

DB_NAME = "progress.sqlite3"
EXPORT_SCHEMA = "examprep.learn.history/1"


def db_path():
    return paths.data_dir() / DB_NAME


class Store:
    """The learner's history. Use as a context manager, or call close()."""

    def __init__(self, path=None, timeout=5.0):
        self.path = str(path or db_path())
        try:
            os.makedirs(os.path.dirname(self.path), exist_ok=True)
        except OSError as exc:
            raise classify(exc, self.path) from None
        try:
            self.conn = sqlite3.connect(self.path, timeout=timeout, isolation_level=None)
            self.conn.row_factory = sqlite3.Row
            self._wal(timeout)
            self.conn.execute("PRAGMA synchronous=NORMAL")
            self._migrate()
        except sqlite3.Error as exc:
            raise classify(exc, self.path) from None

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
        row = attempt_row(attempt)
        try:
            with self.conn:
                self.conn.execute("BEGIN IMMEDIATE")
                self.conn.execute(f"INSERT INTO attempts ({', '.join(COLUMNS)}) VALUES "
                                  f"({', '.join(':' + c for c in COLUMNS)})", row)
        except sqlite3.Error as exc:
            raise classify(exc, self.path) from None
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
        rows = [exam_answer_row(a) for a in answers]
        try:
            with self.conn:
                self.conn.execute("BEGIN IMMEDIATE")
                self.conn.execute("UPDATE sessions SET ended_at = ?, summary = ? WHERE id = ?",
                                  (now_iso(), json.dumps(summary, ensure_ascii=False), session_id))
                self._insert_exam_answers(rows)
        except sqlite3.Error as exc:
            raise classify(exc, self.path) from None

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
            raise classify(exc, self.path) from None
        return [dict(row, correct=bool(row["correct"]), flagged=bool(row["flagged"]),
                     diagnosis=json.loads(row["diagnosis"]) if row["diagnosis"] else None) for row in rows]

    def _write(self, sql, params):
        try:
            with self.conn:
                self.conn.execute("BEGIN IMMEDIATE")
                self.conn.execute(sql, params)
        except sqlite3.Error as exc:
            raise classify(exc, self.path) from None

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
            raise classify(exc, self.path) from None
        return [attempt_from_row(row) for row in rows]

    def sessions(self):
        try:
            rows = self.conn.execute("SELECT * FROM sessions ORDER BY started_at").fetchall()
        except sqlite3.Error as exc:
            raise classify(exc, self.path) from None
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
        attempts = [attempt_from_dict(item, f"attempts[{i}]") for i, item in enumerate(data.get("attempts", []))]
        sessions = [session_from_dict(item, f"sessions[{i}]") for i, item in enumerate(data.get("sessions", []))]
        if not isinstance(data.get("exam_answers", []), list):
            raise ValueError("exam_answers must be a list")
        exam_rows = [exam_answer_row(exam_answer_from_dict(item, f"exam_answers[{i}]"))
                     for i, item in enumerate(data.get("exam_answers", []))]
        added = skipped = 0
        try:
            with self.conn:
                self.conn.execute("BEGIN IMMEDIATE")
                for attempt in attempts:
                    cur = self.conn.execute(f"INSERT OR IGNORE INTO attempts ({', '.join(COLUMNS)}) VALUES "
                                            f"({', '.join(':' + c for c in COLUMNS)})", attempt_row(attempt))
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
            raise classify(exc, self.path) from None
        return {"added": added, "skipped": skipped}




def record_safely(attempt, on_error=None):
    """Record an attempt; on a StoreError call on_error(exc) (to show it) and return None."""
    try:
        with closing(Store()) as store:
            return store.record(attempt)
    except StoreError as exc:
        if on_error:
            on_error(exc)
        return None
