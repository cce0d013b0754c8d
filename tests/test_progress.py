"""The progress store: schema migrations, damaged / read-only / locked files, export and import."""
import json
import os
import sqlite3
import subprocess
import sys

import pytest

from examprep.learn import progress, records


def _attempt(problem="softmax", passed=True, **kw):
    return records.Attempt(problem=problem, mode="check", passed=passed, **kw)


def run_cli(args, home, cwd):
    env = dict(os.environ, EXAMPREP_HOME=str(home))
    return subprocess.run([sys.executable, "-m", "examprep", "--lang", "en", *args], cwd=cwd, env=env,
                          capture_output=True, text=True, timeout=60)


def test_new_store_has_the_current_schema_and_wal(examprep_home):
    with progress.Store() as store:
        assert store.version() == progress.SCHEMA_VERSION
        assert store.conn.execute("PRAGMA journal_mode").fetchone()[0] == "wal"
        attempt_id = store.record(_attempt(seconds=3.5, blank_results=[{"label": "(1)", "passed": True}]))
    with progress.Store() as store:
        [a] = store.attempts()
    assert a.id == attempt_id and a.problem == "softmax" and a.passed is True and a.seconds == 3.5
    assert a.blank_results == [{"label": "(1)", "passed": True}]
    assert a.created_at.endswith("+00:00")


def test_upgrade_keeps_history_and_backs_up_first(examprep_home, monkeypatch):
    with progress.Store() as store:
        store.record(_attempt(problem="conv2d"))
    path = progress.db_path()
    base = progress.SCHEMA_VERSION
    # A later release adds a column: the current file is upgraded in place, its rows kept, a copy made first.
    monkeypatch.setattr(progress, "MIGRATIONS", progress.MIGRATIONS + ["ALTER TABLE attempts ADD COLUMN note TEXT"])
    monkeypatch.setattr(progress, "SCHEMA_VERSION", len(progress.MIGRATIONS))
    with progress.Store() as store:
        assert store.version() == base + 1
        assert [a.problem for a in store.attempts()] == ["conv2d"]
        columns = [r[1] for r in store.conn.execute("PRAGMA table_info(attempts)")]
        assert "note" in columns
    backup = f"{path}.before-v{base + 1}"
    assert os.path.exists(backup)
    with sqlite3.connect(backup) as old:
        assert old.execute("PRAGMA user_version").fetchone()[0] == base
        assert old.execute("SELECT problem FROM attempts").fetchall() == [("conv2d",)]


def test_a_failed_migration_leaves_the_old_version(examprep_home, monkeypatch):
    with progress.Store() as store:
        store.record(_attempt())
    with pytest.MonkeyPatch.context() as mp:
        mp.setattr(progress, "MIGRATIONS", progress.MIGRATIONS + ["ALTER TABLE nowhere ADD COLUMN x TEXT"])
        mp.setattr(progress, "SCHEMA_VERSION", len(progress.MIGRATIONS))
        with pytest.raises(progress.StoreError) as info:
            progress.Store()
        assert info.value.code == "migration"
    assert not [p for p in progress.db_path().parent.iterdir() if ".damaged-" in p.name], "not damaged"
    with progress.Store() as store:
        assert store.version() == progress.SCHEMA_VERSION and len(store.attempts()) == 1


def test_a_version_1_file_gains_the_exam_answers_table(examprep_home, monkeypatch):
    with pytest.MonkeyPatch.context() as mp:   # a history written before mock exams were recorded
        mp.setattr(progress, "MIGRATIONS", progress.MIGRATIONS[:1])
        mp.setattr(progress, "SCHEMA_VERSION", 1)
        with progress.Store() as store:
            store.record(_attempt(problem="adam"))
    with progress.Store() as store:
        assert store.version() == progress.SCHEMA_VERSION >= 2
        assert [a.problem for a in store.attempts()] == ["adam"]
        session = store.start_session("exam", 5)
        store.finish_exam(session, {"score": 1}, [{"id": f"{session}:q1", "session_id": session, "question_id": "q1",
                                                   "kind": "calc", "area": "3", "correct": True, "flagged": False,
                                                   "diagnosis": None}])
        assert [a["question_id"] for a in store.exam_answers()] == ["q1"]


def test_a_newer_database_is_refused_not_downgraded(examprep_home):
    with progress.Store() as store:
        store.conn.execute("PRAGMA user_version = 99")
    with pytest.raises(progress.StoreError) as info:
        progress.Store()
    assert info.value.code == "newer"


def test_damaged_file_is_reported_with_a_copy_and_never_reset(examprep_home, tmp_path):
    path = progress.db_path()
    path.parent.mkdir(parents=True, exist_ok=True)
    garbage = b"this is not a database, but it is the learner's file" * 100
    path.write_bytes(garbage)
    with pytest.raises(progress.StoreError) as info:
        progress.Store()
    err = info.value
    assert err.code == "corrupt" and str(path) in err.en and str(path) in err.ja
    copies = [p for p in path.parent.iterdir() if p.name.startswith(path.name + ".damaged-")]
    assert len(copies) == 1 and copies[0].read_bytes() == garbage
    assert path.read_bytes() == garbage, "the damaged file must be left as it was"

    # The CLI says so in one line and exits 2, without a traceback.
    res = run_cli(["export", str(tmp_path / "out.json")], examprep_home, tmp_path)
    assert res.returncode == 2
    assert "damaged" in res.stderr and "Traceback" not in res.stderr
    assert path.read_bytes() == garbage


def _immutable(path):
    res = subprocess.run(["chattr", "+i", str(path)], capture_output=True)
    return res.returncode == 0


def test_read_only_database_is_reported(examprep_home, tmp_path):
    with progress.Store() as store:
        store.record(_attempt())
        store.conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
        store.conn.execute("PRAGMA journal_mode=DELETE")
    path = progress.db_path()
    for extra in ("-wal", "-shm"):
        if os.path.exists(f"{path}{extra}"):
            os.unlink(f"{path}{extra}")
    if not _immutable(path):
        pytest.skip("chattr +i is not available here to make a file read-only for root")
    try:
        with pytest.raises(progress.StoreError) as info:
            with progress.Store() as store:
                store.record(_attempt())
        assert info.value.code in ("readonly", "locked")
        assert str(path) in info.value.en
    finally:
        subprocess.run(["chattr", "-i", str(path)])


def test_locked_database_gives_a_clear_error(examprep_home):
    with progress.Store() as store:
        store.record(_attempt())
    blocker = sqlite3.connect(str(progress.db_path()), isolation_level=None)
    blocker.execute("BEGIN EXCLUSIVE")
    try:
        with progress.Store(timeout=0.2) as store:
            with pytest.raises(progress.StoreError) as info:
                store.record(_attempt())
        assert info.value.code == "locked"
        assert "locked" in info.value.en and "ロック" in info.value.ja
    finally:
        blocker.execute("ROLLBACK")
        blocker.close()


def test_export_import_round_trip_is_idempotent(tmp_path):
    home_a, home_b = tmp_path / "a", tmp_path / "b"
    env_a = {"EXAMPREP_HOME": str(home_a)}
    os.environ_backup = dict(os.environ)
    try:
        os.environ.update(env_a)
        with progress.Store() as store:
            store.record(_attempt(problem="softmax", passed=False, failure_check="finite"))
            store.record(_attempt(problem="im2col", passed=True, blank_results=[{"label": "(あ)", "passed": True}]))
            session = store.start_session("practice", 25)
            store.end_session(session, {"solved": 1})
    finally:
        os.environ.clear()
        os.environ.update(os.environ_backup)
    out = tmp_path / "history.json"
    res = run_cli(["export", str(out)], home_a, tmp_path)
    assert res.returncode == 0, res.stderr
    data = json.loads(out.read_text())
    assert data["schema"] == "examprep.learn.history/1" and len(data["attempts"]) == 2 and len(data["sessions"]) == 1

    assert run_cli(["export", str(out)], home_a, tmp_path).returncode == 2, "no overwrite without --force"
    first = run_cli(["import", str(out)], home_b, tmp_path)
    second = run_cli(["import", str(out)], home_b, tmp_path)
    assert first.returncode == second.returncode == 0
    assert "Imported 2" in first.stdout and "Imported 0" in second.stdout and "2 were already here" in second.stdout
    with progress.Store(home_b / progress.DB_NAME) as store:
        attempts = store.attempts()
        assert sorted(a.problem for a in attempts) == ["im2col", "softmax"]
        assert {a.id for a in attempts} == {a["id"] for a in data["attempts"]}
        assert [a.blank_results for a in attempts if a.problem == "im2col"] == [[{"label": "(あ)", "passed": True}]]
        assert len(store.sessions()) == 1 and store.sessions()[0]["summary"] == {"solved": 1}


@pytest.mark.parametrize("content, expected", [
    ("not json", "not readable JSON"),
    ('{"schema": "something/1"}', "not an examprep history"),
    ('{"schema": "examprep.learn.history/1", "attempts": [{"problem": "x"}]}', "lacks"),
    ('{"schema": "examprep.learn.history/1", "attempts": [{"id": "1", "problem": "x", "mode": "dance", '
     '"passed": true, "created_at": "2026-01-01T00:00:00+00:00"}]}', "unknown mode"),
    # Wrong types are refused before anything is stored (they would break every later report).
    ('{"schema": "examprep.learn.history/1", "attempts": [{"id": "y1", "problem": "relu", "mode": "drill", "passed": true, '
     '"created_at": "2026-01-01T00:00:00+00:00", "seconds": "fast"}]}', "seconds: wrong type"),
    ('{"schema": "examprep.learn.history/1", "attempts": [{"id": "y1", "problem": "relu", "mode": "drill", "passed": true, '
     '"created_at": "2026-01-01T00:00:00+00:00", "blank_results": "oops"}]}', "blank_results: wrong type"),
    ('{"schema": "examprep.learn.history/1", "attempts": [{"id": ["x"], "problem": "relu", "mode": "drill", '
     '"passed": true, "created_at": "2026-01-01T00:00:00+00:00"}]}', "id: wrong type"),
    ('{"schema": "examprep.learn.history/1", "attempts": [{"id": "y", "problem": "relu", "mode": "drill", '
     '"passed": "false", "created_at": "2026-01-01T00:00:00+00:00"}]}', "passed: wrong type"),
    ('{"schema": "examprep.learn.history/1", "attempts": [{"id": "y", "problem": "relu", "mode": "drill", '
     '"passed": true, "created_at": "garbage"}]}', "created_at"),
    ('{"schema": "examprep.learn.history/1", "sessions": ["x"]}', "sessions[0]"),
    ('{"schema": "examprep.learn.history/1", "attempts": null}', "must be lists"),
])
def test_import_rejects_bad_files_without_changing_anything(tmp_path, content, expected):
    bad = tmp_path / "bad.json"
    bad.write_text(content)
    res = run_cli(["import", str(bad)], tmp_path / "home", tmp_path)
    assert res.returncode == 2 and expected in res.stderr and "Traceback" not in res.stderr
    assert "damaged" not in res.stderr
    if (tmp_path / "home" / progress.DB_NAME).exists():
        with progress.Store(tmp_path / "home" / progress.DB_NAME) as store:
            assert store.attempts() == [] and store.sessions() == []
    missing = run_cli(["import", str(tmp_path / "nope.json")], tmp_path / "home", tmp_path)
    assert missing.returncode == 2 and "no file" in missing.stderr


def test_check_records_an_attempt(tmp_path):
    answer = tmp_path / "mine.py"
    answer.write_text("import numpy as np\n\ndef softmax(x):\n    e = np.exp(x - x.max(axis=-1, keepdims=True))\n"
                      "    return e / e.sum(axis=-1, keepdims=True)\n")
    wrong = tmp_path / "wrong.py"
    wrong.write_text("import numpy as np\n\ndef softmax(x):\n    e = np.exp(x)\n    return e / e.sum(axis=-1, keepdims=True)\n")
    home = tmp_path / "home"
    assert run_cli(["check", str(answer), "--problem", "softmax"], home, tmp_path).returncode == 0
    assert run_cli(["check", str(wrong), "--problem", "softmax"], home, tmp_path).returncode == 1
    with progress.Store(home / progress.DB_NAME) as store:
        attempts = store.attempts()
    assert [(a.problem, a.mode, a.passed, a.failure_check) for a in attempts] == [
        ("softmax", "check", True, None), ("softmax", "check", False, "finite")]
    assert "np.exp(x)" in attempts[1].answer


def test_a_malformed_page_is_reported_as_damage_not_a_full_disk(examprep_home):
    with progress.Store() as store:
        for i in range(200):
            store.record(_attempt(answer="x" * 500))
        store.conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    path = progress.db_path()
    raw = bytearray(path.read_bytes())
    raw[8192:] = b"A" * (len(raw) - 8192)
    path.write_bytes(bytes(raw))
    for extra in ("-wal", "-shm"):
        if os.path.exists(f"{path}{extra}"):
            os.unlink(f"{path}{extra}")
    for _ in range(3):
        with pytest.raises(progress.StoreError) as info:
            with progress.Store() as store:
                store.attempts()
        assert info.value.code == "corrupt", info.value.en
    copies = [p for p in path.parent.iterdir() if ".damaged-" in p.name]
    assert len(copies) == 1, "one copy of the damaged file, however often it is opened"


def test_an_unfilled_hole_file_is_not_recorded(tmp_path):
    from examprep.problem import catalog
    from examprep.hole import holes

    home = tmp_path / "home"
    hole = holes.make(catalog.get("softmax"), level="easy", seed=1, lang="en")
    f = tmp_path / "hole.py"
    f.write_text(hole.text)
    res = run_cli(["check", str(f)], home, tmp_path)
    assert res.returncode == 1 and "not filled" in res.stdout
    assert not (home / progress.DB_NAME).exists() or progress.Store(home / progress.DB_NAME).attempts() == []
