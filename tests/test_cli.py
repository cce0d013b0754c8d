"""The command line, run as a learner runs it: `python -m examprep ...` in a subprocess."""
import json
import os
import re
import subprocess
import sys
import textwrap

import pytest

from examprep import __version__
from examprep.problem import catalog
from examprep.hole import holes

pytestmark = pytest.mark.slow


@pytest.fixture(scope="module")
def shared_cache(tmp_path_factory):
    """One cache for the module: load-bearing proofs are run once, not once per test."""
    return tmp_path_factory.mktemp("examprep-cache")


@pytest.fixture
def env(tmp_path, shared_cache, monkeypatch):
    """The environment of the CLI subprocesses: a fresh EXAMPREP_HOME (its cache shared), also set in-process."""
    home = tmp_path / "home"
    home.mkdir()
    (home / "cache").symlink_to(shared_cache, target_is_directory=True)
    monkeypatch.setenv("EXAMPREP_HOME", str(home))
    e = dict(os.environ)
    e.update(EXAMPREP_HOME=str(home), COLUMNS="200", EXAMPREP_LANG="en", PYTHONIOENCODING="utf-8")
    e.pop("NO_COLOR", None)
    return e


@pytest.fixture
def work(tmp_path):
    d = tmp_path / "work"
    d.mkdir()
    return d


def run(args, env, cwd, expect=None, timeout=60):
    proc = subprocess.run([sys.executable, "-m", "examprep", *args], cwd=cwd, env=env, capture_output=True,
                          text=True, encoding="utf-8", timeout=timeout)
    assert "Traceback" not in proc.stderr, proc.stderr
    assert "Traceback" not in proc.stdout, proc.stdout
    if expect is not None:
        assert proc.returncode == expect, (proc.returncode, proc.stdout, proc.stderr)
    return proc


def fill(path, answers=None):
    """Replace each `__blank__("(..)")` line by the reference statement (or answers[label]) and save."""
    text = path.read_text(encoding="utf-8")
    header = holes.read_header(text)
    problem = catalog.get(header.problem_id)
    hole = holes.hole_from_header(problem, header)
    assert hole is not None
    answers = answers or {}
    out = []
    for line in text.splitlines():
        for lab, cand in zip(hole.labels, hole.blanks):
            if line.strip() == cand.lhs + holes.placeholder(lab).strip():
                line = textwrap.indent(answers.get(lab, cand.text), cand.indent)
        out.append(line)
    assert "blank(\"" not in "\n".join(out)
    path.write_text("\n".join(out) + "\n", encoding="utf-8")
    return hole


def hole_file(cwd, name="softmax.py", problem="softmax", lang="en", level="normal", seed=0):
    """What `examprep drill PROBLEM --export NAME` writes (test_export_* check the CLI itself writes this)."""
    path = cwd / name
    path.write_text(holes.make(catalog.get(problem), level=level, seed=seed, lang=lang).text, encoding="utf-8")
    return path


# --- help, version, import laziness ---------------------------------------------------------------------------


def test_version(env, work):
    proc = run(["--version"], env, work, expect=0)
    assert proc.stdout.strip() == f"examprep {__version__}"


def test_help_lists_the_commands(env, work):
    """(How fast it starts is measured by benchmarks/cli_startup.py, not asserted here.)"""
    proc = run(["--help"], env, work, expect=0)
    for command in ("list", "drill", "check", "show", "validate"):
        assert f"    {command}" in proc.stdout
    assert "E資格" in proc.stdout


def test_no_command_prints_help(env, work):
    proc = run([], env, work, expect=0)
    assert "usage: examprep" in proc.stdout


def test_importing_the_cli_is_light(env, work):
    proc = subprocess.run([sys.executable, "-c", "import examprep.cli, sys; "
                           "print('numpy' in sys.modules, 'rich' in sys.modules, 'yaml' in sys.modules)"],
                          cwd=work, env=env, capture_output=True, text=True, check=True)
    assert proc.stdout.split() == ["False", "False", "False"]


def test_building_the_parser_is_light(env, work):
    proc = subprocess.run([sys.executable, "-c", "import examprep.cli_parser, sys; examprep.cli_parser.build_parser(); "
                           "print('numpy' in sys.modules, 'rich' in sys.modules)"],
                          cwd=work, env=env, capture_output=True, text=True, check=True)
    assert proc.stdout.split() == ["False", "False"]


# --- list -----------------------------------------------------------------------------------------------------


@pytest.mark.parametrize("lang", ["ja", "en"])
def test_list_titles_in_the_language(env, work, lang):
    proc = run(["--lang", lang, "list"], env, work, expect=0)
    for pid in ("softmax", "relu"):
        assert pid in proc.stdout
        assert catalog.get(pid).title[lang] in proc.stdout
    other = "en" if lang == "ja" else "ja"
    assert catalog.get("softmax").title[other] not in proc.stdout
    assert ("examprep drill ID で練習を始めます" if lang == "ja" else "Start with: examprep drill ID") in proc.stdout


def test_list_lang_after_the_command(env, work):
    proc = run(["list", "--lang", "ja"], env, work, expect=0)
    assert catalog.get("softmax").title["ja"] in proc.stdout


def test_list_json(env, work):
    proc = run(["list", "--json"], env, work, expect=0)
    data = json.loads(proc.stdout)
    assert [d["id"] for d in data] == list(catalog.load_all())
    softmax = next(d for d in data if d["id"] == "softmax")
    assert softmax["title"] == catalog.get("softmax").title
    assert set(softmax) == {"id", "title", "section", "item", "topic", "kind", "requires", "covers"}
    assert softmax["covers"] == catalog.get("softmax").covers == ["softmax"]


def test_list_area_filter(env, work):
    relu = catalog.get("relu")
    expected = {p.id for p in catalog.load_all().values() if p.item == relu.item}
    data = json.loads(run(["list", "--area", relu.item, "--json"], env, work, expect=0).stdout)
    assert {d["id"] for d in data} == expected
    assert "softmax" not in expected
    text = run(["--lang", "en", "list", "--area", relu.item], env, work, expect=0).stdout
    assert re.search(r"\brelu\b", text) and not re.search(r"\bsoftmax\b", text)   # softmax_temperature is 3-1-4
    by_section = json.loads(run(["list", "--area", "深層学習の基礎", "--json"], env, work, expect=0).stdout)
    assert [d["id"] for d in by_section] == [p.id for p in catalog.load_all().values() if p.item.startswith("3-")]


def test_list_unknown_area(env, work):
    proc = run(["--lang", "en", "list", "--area", "9-9-9"], env, work, expect=2)
    assert "no problems in area '9-9-9'" in proc.stderr


# --- unknown problems, bad options ----------------------------------------------------------------------------


@pytest.mark.parametrize("lang,text", [("ja", "もしかして: softmax"), ("en", "Did you mean: softmax")])
@pytest.mark.parametrize("command", ["drill", "show"])
def test_unknown_problem_suggests(env, work, lang, text, command):
    proc = run(["--lang", lang, command, "softmx"], env, work, expect=2)
    assert text in proc.stderr
    assert "softmx" in proc.stderr
    assert proc.stdout == ""


def test_unknown_problem_in_check(env, work):
    path = work / "a.py"
    path.write_text("import numpy as np\n", encoding="utf-8")
    proc = run(["--lang", "en", "check", str(path), "--problem", "relux"], env, work, expect=2)
    assert "Did you mean: relu" in proc.stderr


@pytest.mark.parametrize("args,message", [
    (["drill", "softmax", "--blanks", "0"], "expected at least 1"),
    (["drill", "softmax", "--blanks", "two"], "expected a whole number"),
    (["drill", "softmax", "--level", "wat"], "invalid choice: 'wat'"),
    (["drill", "softmax", "--level", "easy", "--blanks", "2"], "not allowed with"),
    (["--lang", "fr", "list"], "invalid choice: 'fr'"),
    (["frobnicate"], "invalid choice: 'frobnicate'"),
    (["check"], "the following arguments are required: FILE"),
])
def test_bad_options_exit_2_with_a_message(env, work, args, message):
    proc = run(args, env, work, expect=2)
    assert message in proc.stderr
    assert "examprep: error / エラー:" in proc.stderr
    assert "usage:" in proc.stderr


# --- drill --export -------------------------------------------------------------------------------------------


def test_export_writes_and_refuses_to_overwrite(env, work):
    path = work / "s.py"
    proc = run(["--lang", "en", "drill", "softmax", "--level", "easy", "--seed", "1", "--export", str(path)],
               env, work, expect=0)
    assert f"Wrote {path} (2 blanks)" in proc.stdout
    text = path.read_text(encoding="utf-8")
    assert text.startswith("# examprep: softmax level=easy seed=1 lang=en ")
    path.write_text("mine", encoding="utf-8")
    proc = run(["--lang", "en", "drill", "softmax", "--export", str(path)], env, work, expect=2)
    assert "exists" in proc.stderr and "--force" in proc.stderr
    assert path.read_text(encoding="utf-8") == "mine"
    proc = run(["--lang", "ja", "drill", "softmax", "--export", str(path)], env, work, expect=2)
    assert "既にあります" in proc.stderr
    run(["drill", "softmax", "--level", "easy", "--seed", "1", "--lang", "en", "--export", str(path), "--force"],
        env, work, expect=0)
    assert path.read_text(encoding="utf-8") == text, "same seed, same file"
    assert text == holes.make(catalog.get("softmax"), level="easy", seed=1, lang="en").text


def test_export_default_is_normal_seed_0(env, work):
    path = work / "s.py"
    run(["--lang", "en", "drill", "softmax", "--export", str(path)], env, work, expect=0)
    assert path.read_text(encoding="utf-8") == hole_file(work, "t.py").read_text(encoding="utf-8")


def test_export_ja_and_blanks(env, work):
    path = work / "s.py"
    proc = run(["--lang", "ja", "drill", "softmax", "--blanks", "1", "--export", str(path)], env, work, expect=0)
    assert "空欄 1 個" in proc.stdout
    assert '__blank__("(あ)")' in path.read_text(encoding="utf-8")


def test_export_to_an_unwritable_place(env, work):
    proc = run(["--lang", "en", "drill", "softmax", "--export", str(work / "no" / "such" / "dir.py")], env, work,
               expect=2)
    assert "cannot write" in proc.stderr


# --- check ----------------------------------------------------------------------------------------------------


@pytest.mark.parametrize("lang", ["en", "ja"])
def test_check_unfilled_fails_naming_the_blank(env, work, lang):
    path = hole_file(work, "s.py", lang=lang)
    proc = run(["--lang", lang, "check", str(path)], env, work, expect=1)
    first = "(1)" if lang == "en" else "(あ)"
    if lang == "en":
        assert f"Blank {first} is not filled in yet" in proc.stdout
        assert "Not yet right" in proc.stdout
    else:
        assert f"空欄 {first} がまだ埋められていません" in proc.stdout
        assert "不正解です" in proc.stdout
    assert not (env_home(env) / "solutions" / "softmax.py").exists()


def env_home(env):
    from pathlib import Path
    return Path(env["EXAMPREP_HOME"])


def test_check_filled_passes_and_saves(env, work):
    path = hole_file(work)
    fill(path)
    proc = run(["--lang", "en", "check", str(path)], env, work, expect=0)
    assert "Passed." in proc.stdout
    saved = env_home(env) / "solutions" / "softmax.py"
    assert saved.read_text(encoding="utf-8") == path.read_text(encoding="utf-8")


def test_check_json_schema(env, work):
    path = hole_file(work)
    hole = fill(path)
    proc = run(["check", str(path), "--json"], env, work, expect=0)
    data = json.loads(proc.stdout)
    assert set(data) == {"schema", "problem", "passed", "failure", "blanks", "checks", "output", "elapsed_seconds",
                         "notes"}
    assert data["schema"] == "examprep.grade.verdict/1"
    assert data["problem"] == "softmax"
    assert data["passed"] is True and data["failure"] is None
    assert [b["label"] for b in data["blanks"]] == hole.labels
    for b in data["blanks"]:
        assert set(b) == {"label", "passed", "failure"}
        assert b["passed"] is True and b["failure"] is None
    assert data["checks"]["cases"] >= 1 and data["checks"]["records"] >= data["checks"]["cases"]
    assert isinstance(data["elapsed_seconds"], float) and data["elapsed_seconds"] >= 0
    assert data["output"] == "" and data["notes"] == []


def test_check_json_one_blank_wrong(env, work):
    path = hole_file(work)  # normal level: every softmax line is a blank
    hole = fill(path, {"(2)": "exp_x = np.exp(-x)"})
    assert hole.labels == ["(1)", "(2)", "(3)"] and "np.exp" in hole.blanks[1].text
    proc = run(["check", str(path), "--json"], env, work, expect=1)
    data = json.loads(proc.stdout)
    assert data["passed"] is False
    assert data["failure"]["check"] == "values"
    assert set(data["failure"]) >= {"ok", "check", "stage", "case", "dtype", "what", "ja", "en", "details",
                                    "context"}
    by_label = {b["label"]: b for b in data["blanks"]}
    assert by_label["(1)"]["passed"] is True and by_label["(1)"]["failure"] is None
    assert by_label["(3)"]["passed"] is True
    assert by_label["(2)"]["passed"] is False
    assert by_label["(2)"]["failure"]["check"] == "values"
    assert proc.stderr == "", "JSON mode keeps stderr quiet"


def test_check_output_is_shown(env, work):
    path = work / "mine.py"
    path.write_text("import numpy as np\n\n\ndef softmax(x):\n    print('hello from softmax')\n"
                    "    e = np.exp(x - x.max(axis=-1, keepdims=True))\n    return e / e.sum(axis=-1, keepdims=True)\n",
                    encoding="utf-8")
    proc = run(["--lang", "en", "check", str(path), "--problem", "softmax"], env, work, expect=0)
    assert "Your code printed:" in proc.stdout and "hello from softmax" in proc.stdout
    data = json.loads(run(["check", str(path), "--problem", "softmax", "--json"], env, work, expect=0).stdout)
    assert "hello from softmax" in data["output"]


@pytest.mark.parametrize("lang,text", [("en", "--problem ID"), ("ja", "--problem ID で問題を指定")])
def test_check_without_header_asks_for_problem(env, work, lang, text):
    path = work / "mine.py"
    path.write_text("import numpy as np\n", encoding="utf-8")
    proc = run(["--lang", lang, "check", str(path)], env, work, expect=2)
    assert text in proc.stderr
    assert "# examprep: ID" in proc.stderr


def test_check_from_scratch_with_problem(env, work):
    path = work / "mine.py"
    path.write_text(textwrap.dedent("""\
        import numpy as np


        def softmax(x):
            shifted = x - x.max(axis=-1, keepdims=True)
            e = np.exp(shifted)
            return e / e.sum(axis=-1, keepdims=True)
        """), encoding="utf-8")
    proc = run(["--lang", "en", "check", str(path), "--problem", "softmax"], env, work, expect=0)
    assert "Passed." in proc.stdout
    data = json.loads(run(["check", str(path), "--problem", "softmax", "--json"], env, work, expect=0).stdout)
    assert data["blanks"] == []


def test_check_from_scratch_wrong(env, work):
    path = work / "mine.py"
    path.write_text("import numpy as np\n\n\ndef relu(x):\n    return np.max(0, x)\n", encoding="utf-8")
    proc = run(["--lang", "en", "check", str(path), "--problem", "relu"], env, work, expect=1)
    assert "Not yet right" in proc.stdout


@pytest.mark.parametrize("lang,text", [("en", "no file"), ("ja", "がありません")])
def test_check_missing_file(env, work, lang, text):
    proc = run(["--lang", lang, "check", str(work / "absent.py")], env, work, expect=2)
    assert text in proc.stderr and "absent.py" in proc.stderr


def test_check_stale_reference_is_graded_as_a_whole(env, work):
    path = hole_file(work)
    fill(path)
    text = path.read_text(encoding="utf-8")
    header = holes.read_header(text)
    path.write_text(text.replace(f"ref={header.fields['ref']}", "ref=0123456789abcdef"), encoding="utf-8")
    data = json.loads(run(["check", str(path), "--json"], env, work, expect=0).stdout)
    assert data["passed"] is True and data["blanks"] == []
    assert any("reference has changed" in n["en"] for n in data["notes"])


SOFTMAX = textwrap.dedent("""\
    import numpy as np


    def softmax(x):
        shifted = x - x.max(axis=-1, keepdims=True)
        e = np.exp(shifted)
        return e / e.sum(axis=-1, keepdims=True)
    """)


def test_check_plain_header_is_graded_whole_without_a_stale_note(env, work):
    """A file that only names its problem (`# examprep: ID`, no ref=) was not made from any reference: it used
    to get "The reference has changed since this file was made"."""
    path = work / "mine.py"
    path.write_text("# examprep: softmax\n" + SOFTMAX, encoding="utf-8")
    data = json.loads(run(["check", str(path), "--json"], env, work, expect=0).stdout)
    assert data["passed"] is True and data["blanks"] == [] and data["notes"] == []
    proc = run(["--lang", "en", "check", str(path)], env, work, expect=0)
    assert "Passed." in proc.stdout and "reference has changed" not in proc.stdout


def read_only_runner(home):
    """A command prefix under which `home` is read-only to examprep, or None. Not root: chmod is enough (the
    caller sets it). Root (permissions do not apply): a private read-only bind mount (util-linux unshare)."""
    import shutil

    if os.geteuid() != 0:
        return []
    unshare = shutil.which("unshare")
    if not unshare or subprocess.run([unshare, "-m", "true"], capture_output=True).returncode != 0:
        return None
    return [unshare, "-m", "sh", "-c", f'mount --bind -o ro "{home}" "{home}" && exec "$@"', "sh"]


@pytest.mark.parametrize("lang,saved,recorded", [
    ("en", "graded but not saved", "not recorded in your history"),
    ("ja", "保存できませんでした", "履歴に記録されませんでした")])
def test_check_with_a_read_only_data_folder_shows_the_verdict(env, work, lang, saved, recorded):
    """The bug: a traceback (the solution's temporary file could not be made) and no verdict."""
    home = env_home(env)
    path = hole_file(work, lang=lang)
    fill(path)
    run(["check", str(path)], env, work, expect=0)   # solutions/ and the database exist, as after earlier use
    prefix = read_only_runner(home)
    if prefix is None:
        pytest.skip("running as root without mount namespaces: no way to make a folder read-only to root")
    writable = [home, home / "solutions", home / "progress.sqlite3"]
    modes = {p: p.stat().st_mode for p in writable}
    before = {p.name: p.stat().st_mtime_ns for p in (home / "solutions").iterdir()}
    try:
        for p in writable:
            p.chmod(0o555 if p.is_dir() else 0o444)
        proc = subprocess.run([*prefix, sys.executable, "-m", "examprep", "--lang", lang, "check", str(path)],
                              cwd=work, env=env, capture_output=True, text=True, encoding="utf-8", timeout=60)
        data_proc = subprocess.run([*prefix, sys.executable, "-m", "examprep", "check", str(path), "--json"],
                                   cwd=work, env=env, capture_output=True, text=True, encoding="utf-8", timeout=60)
    finally:
        for p, mode in modes.items():
            p.chmod(mode)
    for p in (proc, data_proc):
        assert "Traceback" not in p.stdout + p.stderr, p.stdout + p.stderr
        assert p.returncode == 0, (p.returncode, p.stdout, p.stderr)
    assert ("Passed." if lang == "en" else "正解です") in proc.stdout
    out = " ".join(proc.stdout.split())
    assert saved in out and recorded in out, proc.stdout
    notes = json.loads(data_proc.stdout)["notes"]
    assert any(saved in n[lang] for n in notes) and any(recorded in n[lang] for n in notes)
    assert all("Read-only" not in n["ja"] for n in notes), "each message wholly in one language"
    assert {p.name: p.stat().st_mtime_ns for p in (home / "solutions").iterdir()} == before


@pytest.mark.parametrize("lang,text", [("en", "too large"), ("ja", "大きすぎます")])
def test_check_refuses_a_large_file(env, work, lang, text):
    """A 56 MB file used to be stored whole in solutions/ and the database. A right answer padded past the
    limit is refused before grading; nothing is saved or recorded."""
    from examprep.learn import checking

    path = work / "big.py"
    padding = "# " + "x" * 98 + "\n"
    path.write_text(SOFTMAX + padding * (checking.MAX_BYTES // len(padding) + 1), encoding="utf-8")
    assert path.stat().st_size > checking.MAX_BYTES
    proc = run(["--lang", lang, "check", str(path), "--problem", "softmax"], env, work, expect=2)
    assert text in proc.stderr and "256 KiB" in proc.stderr and "big.py" in proc.stderr
    assert proc.stdout == ""
    assert not (env_home(env) / "solutions").exists() and not (env_home(env) / "progress.sqlite3").exists()
    path.write_text(SOFTMAX + padding * ((checking.MAX_BYTES - len(SOFTMAX)) // len(padding)), encoding="utf-8")
    assert path.stat().st_size <= checking.MAX_BYTES
    run(["--lang", lang, "check", str(path), "--problem", "softmax"], env, work, expect=0)


def test_python_runs_the_hole_file(env, work):
    path = hole_file(work)
    proc = subprocess.run([sys.executable, str(path)], cwd=work, env=env, capture_output=True, text=True,
                          encoding="utf-8", timeout=60)
    assert proc.returncode == 1, proc.stderr
    assert "Traceback" not in proc.stderr
    assert "Blank (1) is not filled in yet" in proc.stdout
    fill(path)
    proc = subprocess.run([sys.executable, str(path)], cwd=work, env=env, capture_output=True, text=True,
                          encoding="utf-8", timeout=60)
    assert proc.returncode == 0, proc.stdout + proc.stderr
    assert "Traceback" not in proc.stderr


def test_python_runs_the_hole_file_in_its_language(env, work):
    path = hole_file(work, "s.py", lang="ja")
    env = dict(env, EXAMPREP_LANG="en")
    proc = subprocess.run([sys.executable, str(path)], cwd=work, env=env, capture_output=True, text=True,
                          encoding="utf-8", timeout=60)
    assert proc.returncode == 1
    assert "空欄 (あ) がまだ埋められていません" in proc.stdout


def test_show(env, work):
    proc = run(["--lang", "en", "show", "softmax"], env, work, expect=0)
    assert "np.max(x, axis=-1, keepdims=True)" in proc.stdout
    assert catalog.get("softmax").title["en"] in proc.stdout


@pytest.mark.parametrize("lang,text", [("en", "is damaged and cannot be read"), ("ja", "壊れていて読めない")])
def test_mock_exam_resume_with_a_truncated_exam_file_says_it_is_damaged(env, work, lang, text):
    """The bug: a truncated exams/<id>.json made `mock-exam --resume` say "No exam is open". It is said to be
    damaged, kept whole beside it, and a new exam can then be started."""
    start = ["--lang", lang, "mock-exam", "--questions", "2", "--minutes", "5", "--area", "1"]
    subprocess.run([sys.executable, "-m", "examprep", *start], cwd=work, env=env, stdin=subprocess.DEVNULL,
                   capture_output=True, timeout=60, check=True)
    [state] = (env_home(env) / "exams").glob("*.json")
    cut = state.read_bytes()[:300]
    state.write_bytes(cut)
    proc = subprocess.run([sys.executable, "-m", "examprep", "--lang", lang, "mock-exam", "--resume"], cwd=work,
                          env=env, stdin=subprocess.DEVNULL, capture_output=True, text=True, encoding="utf-8",
                          timeout=60)
    assert proc.returncode == 2 and "Traceback" not in proc.stderr, proc.stderr
    assert text in proc.stderr and state.name in proc.stderr
    [kept] = (env_home(env) / "exams").glob(f"{state.name}.damaged-*")
    assert kept.read_bytes() == cut and str(kept) in proc.stderr
    again = subprocess.run([sys.executable, "-m", "examprep", *start], cwd=work, env=env, stdin=subprocess.DEVNULL,
                           capture_output=True, text=True, encoding="utf-8", timeout=60)
    assert again.returncode == 0 and "Traceback" not in again.stderr, again.stderr
