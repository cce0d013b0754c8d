"""Hostile and broken answers end in the right verdict, in bounded time, without hanging the caller.

Each answer is graded through examprep.grade.sandbox (a separate worker process), as the CLI does.
Hostile answers (trying to reach their own verdict) are in tests/test_containment.py.
"""
import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from examprep.problem import catalog, source
from examprep.hole import holes
from examprep.grade import containment_mode, sandbox, worker

pytestmark = pytest.mark.usefixtures("examprep_home")
ROOT = Path(__file__).resolve().parent.parent

TIME_LIMIT = 2.0
# Spawning the worker and computing the reference's records takes well under a second; a
# death (timeout, crash) costs one more worker start.
QUICK = 8.0
AFTER_TIMEOUT = TIME_LIMIT + 8.0

HEAD = "import numpy as np\n\n\n"
GOOD_SOFTMAX = HEAD + (
    "def softmax(x):\n"
    "    x = x - np.max(x, axis=-1, keepdims=True)\n"
    "    e = np.exp(x)\n"
    "    return e / np.sum(e, axis=-1, keepdims=True)\n")


@pytest.fixture(scope="module")
def softmax():
    return catalog.get("softmax")


def grade(problem, src, name="answer"):
    started = time.monotonic()
    result = sandbox.grade_variants(problem.source, [(name, src)], time_limit=TIME_LIMIT)
    elapsed = time.monotonic() - started
    assert name in result.failures, "every variant gets a verdict"
    return result.failures[name], result, elapsed


def line_of(src, fragment):
    """1-based line number of the (unique) line containing fragment."""
    hits = [i for i, line in enumerate(src.splitlines(), start=1) if fragment in line]
    assert len(hits) == 1, (fragment, hits)
    return hits[0]


def test_good_answer_passes(softmax):
    failure, result, elapsed = grade(softmax, GOOD_SOFTMAX)
    assert failure is None
    assert result.checks["cases"] >= 1 and result.checks["records"] >= 1
    assert elapsed < QUICK


def test_infinite_loop_times_out_naming_the_stuck_line(softmax):
    src = HEAD + "def softmax(x):\n    n = 0\n    while True: n = n + 1\n    return x\n"
    failure, _, elapsed = grade(softmax, src)
    assert failure.check == "timeout"
    stuck = line_of(src, "while True")
    assert failure.details["line"] == stuck
    assert f"line {stuck}" in failure.en
    assert f"{stuck} 行目" in failure.ja
    assert "2 s" in failure.en and "2 秒" in failure.ja
    assert TIME_LIMIT <= elapsed < AFTER_TIMEOUT


def test_loop_at_import_time_times_out(softmax):
    src = HEAD + "while True:\n    pass\n"
    failure, _, elapsed = grade(softmax, src)
    assert failure.check == "timeout"
    assert elapsed < AFTER_TIMEOUT


@pytest.mark.parametrize("alloc", ["np.ones((1 << 40,), dtype=np.uint8)", "[0] * (1 << 36)"])
def test_huge_allocation_is_a_memory_failure(softmax, alloc):
    src = HEAD + f"def softmax(x):\n    big = {alloc}\n    return x\n"
    failure, _, elapsed = grade(softmax, src)
    assert failure.check == "memory"
    assert "memory limit" in failure.en and "メモリ" in failure.ja
    assert elapsed < QUICK


def test_sys_exit_is_an_exit_failure(softmax):
    src = HEAD + "import sys\n\n\ndef softmax(x):\n    sys.exit(3)\n"
    failure, _, elapsed = grade(softmax, src)
    assert failure.check == "exit"
    assert failure.details["error"]["line"] == line_of(src, "sys.exit(3)")
    assert "sys.exit" in failure.en and "sys.exit" in failure.ja
    assert elapsed < QUICK


def test_sys_exit_at_import_time_is_reported(softmax):
    src = HEAD + "import sys\nsys.exit(0)\n"
    failure, _, elapsed = grade(softmax, src)
    assert failure.check == "import"
    assert failure.details["error"]["type"] == "SystemExit"
    line = line_of(src, "sys.exit(0)")
    assert f"SystemExit while loading the file (line {line}: sys.exit(0))" in failure.en
    assert f"SystemExit が発生しました({line} 行目: sys.exit(0))" in failure.ja
    assert elapsed < QUICK


def test_os_exit_is_an_exit_failure(softmax):
    src = HEAD + "import os\n\n\ndef softmax(x):\n    os._exit(3)\n"
    failure, _, elapsed = grade(softmax, src)
    assert failure.check == "exit"
    assert failure.details["returncode"] == 3
    assert "os._exit" in failure.en and "os._exit" in failure.ja
    assert elapsed < QUICK


def test_segfault_is_a_crash(softmax):
    src = HEAD + "import ctypes\n\n\ndef softmax(x):\n    return ctypes.string_at(0)\n"
    failure, _, elapsed = grade(softmax, src)
    assert failure.check == "crash"
    assert failure.details["signal"] == "SIGSEGV"
    assert "SIGSEGV" in failure.en and "SIGSEGV" in failure.ja
    assert elapsed < QUICK


def test_syntax_error_names_the_line(softmax):
    src = HEAD + "def softmax(x):\n    return x +\n"
    failure, _, elapsed = grade(softmax, src)
    assert failure.check == "syntax"
    line = line_of(src, "return x +")
    assert failure.details["line"] == line
    assert f"line {line}" in failure.en and f"{line} 行目" in failure.ja
    assert "return x +" in failure.en
    assert elapsed < QUICK


def test_missing_target_is_not_defined(softmax):
    src = HEAD + "def soft_max(x):\n    return x\n"
    failure, _, elapsed = grade(softmax, src)
    assert failure.check == "defined"
    assert failure.details["target"] == "softmax"
    assert "softmax is not defined" in failure.en and "定義されていません" in failure.ja
    assert elapsed < QUICK


def test_target_that_is_not_callable_is_not_defined(softmax):
    failure, _, _ = grade(softmax, HEAD + "softmax = 3\n")
    assert failure.check == "defined"
    assert "function" in failure.en


def test_target_imported_from_the_reference_delegates(softmax):
    failure, _, elapsed = grade(softmax, "from reference.functions import softmax\n")
    assert failure.check == "delegates"
    assert "imported from the reference" in failure.en and "参照実装" in failure.ja
    assert elapsed < QUICK


def test_target_calling_the_reference_delegates(softmax):
    src = HEAD + "import reference.functions as F\n\n\ndef softmax(x):\n    return F.softmax(x)\n"
    failure, _, elapsed = grade(softmax, src)
    assert failure.check == "delegates"
    assert "calls the reference" in failure.en and "呼び出" in failure.ja
    assert elapsed < QUICK


def test_wrapping_the_reference_under_another_name_delegates(softmax):
    src = HEAD + "from reference.functions import softmax as ref\n\n\ndef softmax(x):\n    return ref(x) * 1.0\n"
    failure, _, _ = grade(softmax, src)
    assert failure.check == "delegates"


def _layer_problem():
    problems = catalog.load_all()
    if "relu_layer" in problems:
        return problems["relu_layer"]
    layers = [p for p in problems.values() if p.kind == "layer" and len(p.targets) == 1]
    if not layers:
        pytest.skip("no layer problem (relu_layer or another kind: layer) is shipped yet")
    return layers[0]


def test_subclassing_the_reference_class_delegates():
    problem = _layer_problem()
    target = problem.targets[0]
    src = (HEAD + f"from {target.module} import {target.name} as Base\n\n\n"
           f"class {target.name}(Base):\n    pass\n")
    failure, _, elapsed = grade(problem, src)
    assert failure.check == "delegates"
    assert "subclasses" in failure.en and "継承" in failure.ja
    assert elapsed < QUICK


def test_unfilled_blank_names_its_label(softmax):
    hole = holes.make(softmax, level="easy", seed=0, lang="ja")
    failure, _, elapsed = grade(softmax, hole.text)
    assert failure.check == "blank"
    first = hole.labels[0]
    assert failure.details["blank"] == first
    assert f"Blank {first} is not filled in yet" in failure.en
    assert f"空欄 {first} がまだ埋められていません" in failure.ja
    assert elapsed < QUICK


def test_exception_names_the_line_and_its_code(softmax):
    src = HEAD + "def softmax(x):\n    y = x.no_such_method()\n    return y\n"
    failure, _, elapsed = grade(softmax, src)
    assert failure.check == "exception"
    line = line_of(src, "no_such_method")
    error = failure.details["error"]
    assert error["type"] == "AttributeError"
    assert error["line"] == line
    assert error["code"] == "y = x.no_such_method()"
    assert f"line {line}: y = x.no_such_method()" in failure.en
    assert f"{line} 行目: y = x.no_such_method()" in failure.ja
    assert elapsed < QUICK


def test_exception_at_import_time_is_reported_with_its_line(softmax):
    src = HEAD + "oops = 1 / 0\n"
    failure, _, _ = grade(softmax, src)
    assert failure.check == "import"
    line = line_of(src, "oops")
    assert "ZeroDivisionError" in failure.en and "ZeroDivisionError" in failure.ja
    assert f"(line {line}: oops = 1 / 0)" in failure.en
    assert f"({line} 行目: oops = 1 / 0)" in failure.ja


def test_float64_for_float32_passes_dtype_is_advice(softmax):
    src = HEAD + ("def softmax(x):\n"
                  "    x = x.astype(np.float64)\n"
                  "    x = x - np.max(x, axis=-1, keepdims=True)\n"
                  "    e = np.exp(x)\n"
                  "    return e / np.sum(e, axis=-1, keepdims=True)\n")
    failure, _, elapsed = grade(softmax, src)
    assert failure is None  # right values; the note on what float64 costs is pinned in tests/test_values.py
    assert elapsed < QUICK


def test_no_max_subtraction_overflows(softmax):
    src = HEAD + "def softmax(x):\n    e = np.exp(x)\n    return e / np.sum(e, axis=-1, keepdims=True)\n"
    failure, _, elapsed = grade(softmax, src)
    assert failure.check == "finite"
    assert "subtract the maximum" in failure.en
    assert "最大値を引く" in failure.ja
    assert elapsed < QUICK


def test_lots_of_output_is_captured_truncated_and_graded(softmax):
    src = GOOD_SOFTMAX.replace("def softmax(x):\n",
                               "def softmax(x):\n    for i in range(20000):\n        print('spam', i)\n")
    failure, result, elapsed = grade(softmax, src)
    assert failure is None, "printing does not change the verdict"
    output = result.outputs["answer"]
    assert output.startswith("spam 0\n")
    assert len(output) <= worker.OUTPUT_LIMIT + len("\n...")
    assert output.endswith("\n...")
    assert elapsed < QUICK


def test_output_of_a_wrong_answer_is_kept_too(softmax):
    src = HEAD + "def softmax(x):\n    print('shape', x.shape)\n    return x\n"
    failure, result, _ = grade(softmax, src)
    assert failure.check == "values"
    assert "shape (5,)" in result.outputs["answer"]


def test_variants_after_a_timeout_are_still_graded(softmax):
    loop = HEAD + "def softmax(x):\n    while True: pass\n"
    started = time.monotonic()
    result = sandbox.grade_variants(softmax.source, [("loop", loop), ("good", GOOD_SOFTMAX),
                                                     ("wrong", HEAD + "def softmax(x):\n    return x\n")],
                                    time_limit=TIME_LIMIT)
    elapsed = time.monotonic() - started
    assert result.failures["loop"].check == "timeout"
    assert result.failures["good"] is None
    assert result.failures["wrong"].check == "values"
    assert elapsed < AFTER_TIMEOUT


def test_variants_after_a_crash_are_still_graded(softmax):
    crash = HEAD + "import os\n\n\ndef softmax(x):\n    os._exit(1)\n"
    result = sandbox.grade_variants(softmax.source, [("good1", GOOD_SOFTMAX), ("crash", crash),
                                                     ("good2", GOOD_SOFTMAX)], time_limit=TIME_LIMIT)
    assert result.failures == {"good1": None, "crash": result.failures["crash"], "good2": None}
    assert result.failures["crash"].check == "exit"


def test_stop_if_first_passes_skips_the_rest(softmax):
    result = sandbox.grade_variants(softmax.source, [("answer", GOOD_SOFTMAX), ("other", "syntax error (")],
                                    time_limit=TIME_LIMIT, stop_if_first_passes=True)
    assert result.failures == {"answer": None}



def test_keyboard_interrupt_raised_by_the_answer_is_the_answers_exception(softmax):
    src = HEAD + "def softmax(x):\n    raise KeyboardInterrupt\n"
    failure, _, elapsed = grade(softmax, src)
    assert failure.check == "exception"
    assert "KeyboardInterrupt" in failure.en and "KeyboardInterrupt" in failure.ja
    assert failure.details["error"]["line"] == line_of(src, "raise KeyboardInterrupt")
    assert "segmentation" not in failure.en
    assert elapsed < QUICK


def test_exception_whose_str_raises_is_the_learners_not_examprep_bug(softmax):
    src = HEAD + ("class Nasty(Exception):\n    def __str__(self):\n        raise RuntimeError('no')\n\n\n"
                  "def softmax(x):\n    raise Nasty('hidden')\n")
    failure, _, elapsed = grade(softmax, src)
    assert failure.check == "exception"
    assert "Nasty" in failure.en and "Nasty" in failure.ja
    assert "examprep" not in failure.en
    assert failure.details["error"]["line"] == line_of(src, "raise Nasty")
    assert elapsed < QUICK


def test_a_loop_in_one_blank_takes_the_time_limit_once(softmax):
    """The whole file and that blank's own variant would each hang: the blank gets the file's timeout."""
    from examprep.grade import verdict

    hole = holes.make(softmax, level="normal", seed=0, lang="en")
    text = hole.text
    for i, (label, cand) in enumerate(zip(hole.labels, hole.blanks)):
        line = next(l for l in text.splitlines() if holes.placeholder(label) in l)
        indent = line[:len(line) - len(line.lstrip())]
        fill = (f"{indent}while True:\n{indent}    pass" if i == 0
                else "\n".join(indent + l for l in cand.text.splitlines()))
        text = text.replace(line, fill)
    started = time.monotonic()
    graded = []
    result = verdict.judge(softmax, text, hole, time_limit=TIME_LIMIT, on_progress=graded.append)
    elapsed = time.monotonic() - started
    assert graded == ["answer"] + [f"blank {label}" for label in hole.labels[1:]]
    assert result.failure.check == "timeout"
    assert f"{TIME_LIMIT:g} s" in result.failure.en
    assert result.blanks[0].passed is False and result.blanks[0].failure.check == "timeout"
    assert all(b.passed for b in result.blanks[1:])
    assert elapsed < 2 * TIME_LIMIT + 1.5, "the reported limit and the time taken agree"


def test_variants_of_one_file_share_a_time_budget(softmax, monkeypatch):
    from examprep.grade import verdict

    monkeypatch.setattr(verdict, "TOTAL_TIME", 3 * TIME_LIMIT)
    loop = HEAD + "def softmax(x):\n    while True: pass\n"
    started = time.monotonic()
    result = sandbox.grade_variants(softmax.source, [(f"loop {i}", loop) for i in range(5)],
                                    time_limit=TIME_LIMIT, total_time=verdict.TOTAL_TIME)
    elapsed = time.monotonic() - started
    assert 2 <= len(result.failures) <= 3
    assert all(f.check == "timeout" for f in result.failures.values())
    assert elapsed < verdict.TOTAL_TIME + TIME_LIMIT


def _descendants(pid):
    children = {}
    for entry in os.listdir("/proc"):
        if entry.isdigit():
            try:
                stat = open(f"/proc/{entry}/stat", "rb").read()
            except OSError:
                continue
            ppid = int(stat[stat.rfind(b")") + 2:].split()[1])
            children.setdefault(ppid, []).append(int(entry))
    found, todo = [], [pid]
    while todo:
        for child in children.get(todo.pop(), []):
            found.append(child)
            todo.append(child)
    return found


def _alive(pid):
    try:
        state = open(f"/proc/{pid}/stat", "rb").read().split(b")")[-1].split()[0]
    except OSError:
        return False
    return state != b"Z"


@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="reads /proc")
def test_ctrl_c_of_the_cli_kills_the_worker_at_once(tmp_path, examprep_home):
    path = tmp_path / "loop.py"
    path.write_text(HEAD + "def softmax(x):\n    while True: pass\n", encoding="utf-8")
    env = dict(os.environ, PYTHONPATH=os.pathsep.join([str(ROOT)] + [p for p in [os.environ.get("PYTHONPATH")] if p]))
    proc = subprocess.Popen([sys.executable, "-m", "examprep", "check", str(path), "--problem", "softmax"],
                            env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    try:
        deadline = time.monotonic() + 15
        workers = []
        while time.monotonic() < deadline and len(workers) < 3:  # unshare or zygote, and a child grading
            time.sleep(0.2)
            workers = _descendants(proc.pid)
        assert workers, "the worker started"
        time.sleep(0.5)
        workers = _descendants(proc.pid)
        proc.send_signal(signal.SIGINT)
        proc.wait(timeout=5)
        time.sleep(0.3)
        assert [p for p in workers if _alive(p)] == []
    finally:
        if proc.poll() is None:
            proc.kill()


def test_process_sandbox_grades_alike_and_says_what_is_off(softmax, monkeypatch):
    from examprep.grade import verdict

    monkeypatch.setenv("EXAMPREP_SANDBOX", "process")
    monkeypatch.setattr(verdict, "_said", set())
    assert sandbox.containment_mode() == ("process", "EXAMPREP_SANDBOX=process")
    good = verdict.judge(softmax, GOOD_SOFTMAX, time_limit=TIME_LIMIT)
    assert good.passed
    wrong = verdict.judge(softmax, HEAD + "def softmax(x):\n    return x\n", time_limit=TIME_LIMIT)
    assert not wrong.passed and wrong.failure.check == "values"
    loop = verdict.judge(softmax, HEAD + "def softmax(x):\n    while True: pass\n", time_limit=TIME_LIMIT)
    assert loop.failure.check == "timeout"
    off = [n for n in good.notes if "EXAMPREP_SANDBOX=process" in n["en"]]
    assert len(off) == 1, good.notes
    assert "data directory" in off[0]["en"] and "network" in off[0]["en"]
    assert "データディレクトリ" in off[0]["ja"] and "ネットワーク" in off[0]["ja"]
    # Said once per process, not again for every verdict (a drill's rounds, `watch`).
    assert not [n for v in (wrong, loop) for n in v.notes if "EXAMPREP_SANDBOX=process" in n["en"]]


@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="namespaces are Linux only")
def test_namespaces_that_fail_fall_back_once_and_are_remembered(softmax, monkeypatch, tmp_path, examprep_home):
    """A kernel without user namespaces: unshare fails, the process sandbox grades, and the next run knows."""
    from examprep.grade import verdict

    fake = tmp_path / "bin"
    fake.mkdir()
    (fake / "unshare").write_text("#!/bin/sh\necho 'unshare: write failed /proc/self/uid_map: Operation not permitted' >&2\n"
                                  "exit 1\n")
    (fake / "unshare").chmod(0o755)
    monkeypatch.setenv("PATH", f"{fake}{os.pathsep}{os.environ.get('PATH', '')}")
    monkeypatch.delenv("EXAMPREP_SANDBOX", raising=False)
    monkeypatch.setattr(containment_mode, "_mode_cache", {})
    monkeypatch.setattr(verdict, "_said", set())
    assert sandbox.containment_mode() == ("namespaces", None)
    first = verdict.judge(softmax, GOOD_SOFTMAX, time_limit=TIME_LIMIT)
    assert first.passed
    off = [n for n in first.notes if "Namespaces are unavailable" in n["en"]]
    assert len(off) == 1 and "Operation not permitted" in off[0]["en"]
    assert (examprep_home / "cache" / "sandbox-namespaces.json").exists()
    monkeypatch.setattr(containment_mode, "_mode_cache", {})  # a new process reads the cache file
    mode, reason = sandbox.containment_mode()
    assert mode == "process" and "Operation not permitted" in reason


def test_given_definitions_that_use_other_reference_modules_travel_with_what_they_use(monkeypatch):
    """A given helper in one reference module that calls one imported from another (the book's TimeLSTM
    uses sigmoid from functions) is sent with it; the target stays out; the stand-ins execute in order."""
    import types as pytypes

    from examprep.grade import grading
    from examprep.problem.catalog import Target

    texts = {
        "reference.functions": "import numpy as np\n\n\ndef sigmoid(x):\n    return 1 / (1 + np.exp(-x))\n\n\n"
                               "def softmax(x):\n    return x\n\n\ndef unused(x):\n    return x\n",
        "reference.rnn": "import numpy as np\nfrom reference.functions import sigmoid, softmax as sm\n"
                         "import reference.functions as F\n\n\nclass LSTM:\n    def f(self, x):\n        return sigmoid(x)\n\n\n"
                         "class TimeLSTM:\n    def f(self, x):\n        return [sigmoid(x), F.softmax(x), _scale]\n\n\n"
                         "_scale = 2\n",
    }
    problem = pytypes.SimpleNamespace(targets=[Target.parse("reference.rnn:LSTM")],
                                      given=[Target.parse("reference.rnn:TimeLSTM")])
    given = grading.given_sources(problem, module_text=texts.__getitem__)
    assert list(given) == ["reference.functions", "reference.rnn"]
    assert "def sigmoid" in given["reference.functions"] and "def softmax" in given["reference.functions"]
    assert "unused" not in given["reference.functions"]
    assert "class LSTM" not in given["reference.rnn"] and "class TimeLSTM" in given["reference.rnn"]
    assert "from reference.functions import sigmoid\n" in given["reference.rnn"]
    assert "import reference.functions as F" in given["reference.rnn"] and "_scale = 2" in given["reference.rnn"]
    saved = {k: v for k, v in sys.modules.items() if k == "reference" or k.startswith("reference.")}
    try:
        grading.install_standins(problem, given)
        rnn = sys.modules["reference.rnn"]
        assert rnn.TimeLSTM().f(0.0) == [0.5, 0.0, 2]
        with pytest.raises(grading.DelegatesToReference):
            rnn.LSTM()
    finally:
        for k in [k for k in sys.modules if k == "reference" or k.startswith("reference.")]:
            del sys.modules[k]
        sys.modules.update(saved)


def test_a_parked_worker_taken_for_another_problem_grades_as_a_fresh_one(softmax, monkeypatch):
    """The mock exam's proofs reuse a kept worker for the next problem (sandbox._start sends it the new job):
    the stand-ins of the first problem's reference modules are gone (an answer importing one fails as with a
    fresh worker), the new ones are in place, and no worker is started."""
    conv, lstm, time_lstm = catalog.get("conv2d"), catalog.get("lstm_cell"), catalog.get("time_lstm")
    sneaky = "from reference.conv import im2col\n" + GOOD_SOFTMAX   # reference.conv: conv2d's stand-in only

    def graded(problem, variants, keep):
        result = sandbox.grade_variants(problem.source, variants, time_limit=TIME_LIMIT, keep_worker=keep)
        return {n: f and (f.check, f.stage, f.case, (f.details or {}).get("error")) for n, f in result.failures.items()}

    def variants(problem):
        return [("reference", source.reference_answer(problem))] + \
            [(f"r{c.index}", holes.removal_variant(problem, c)) for c in holes.candidates(problem)[:4]]

    sandbox.discard_parked()
    fresh = {"softmax": graded(softmax, [("good", GOOD_SOFTMAX), ("sneaky", sneaky)], False),
             "time_lstm": graded(time_lstm, variants(time_lstm), False)}
    assert fresh["softmax"]["good"] is None and fresh["softmax"]["sneaky"][0] == "import"
    assert fresh["time_lstm"]["reference"] is None
    assert all(fresh["time_lstm"][n] for n in fresh["time_lstm"] if n != "reference")
    try:
        graded(conv, variants(conv)[:2], True)
        graded(lstm, variants(lstm)[:2], True)
        starts = []
        original = sandbox._Worker.__init__

        def counted(self, *args, **kwargs):
            starts.append(1)
            original(self, *args, **kwargs)

        monkeypatch.setattr(sandbox._Worker, "__init__", counted)
        assert graded(softmax, [("good", GOOD_SOFTMAX), ("sneaky", sneaky)], True) == fresh["softmax"]
        assert graded(time_lstm, variants(time_lstm), True) == fresh["time_lstm"]
        assert starts == []
        assert len(sandbox._parked) == 1   # one worker went from problem to problem
    finally:
        sandbox.discard_parked()
    assert sandbox._parked == []
