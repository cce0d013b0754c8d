"""examprep in a real Jupyter kernel, driven by nbclient: `%load_ext examprep`, `%examprep drill`, the hole put into
the next cell (set_next_input), that cell filled wrong and right under `%%examprep check`, both verdicts in the
cell outputs as HTML, the attempts in the progress store (EXAMPREP_HOME set for the kernel). The plain API
(examprep.check / drill_source) is tested in-process."""
import os
import re
import sys
from pathlib import Path

import pytest

from examprep.hole import holes
from examprep.learn.progress import Store
from examprep.problem import catalog

nbformat = pytest.importorskip("nbformat")
nbclient = pytest.importorskip("nbclient")
pytest.importorskip("ipykernel")

pytestmark = pytest.mark.slow
ROOT = Path(__file__).resolve().parent.parent
PROBLEM = "softmax"


def fill(cell_text, hole, answers):
    """The drill cell with blank i's `__blank__("(i)")` line replaced by answers[i] (None: the reference statement)."""
    for lab, cand, answer in zip(hole.labels, hole.blanks, answers):
        cell_text = cell_text.replace(cand.lhs + holes.placeholder(lab), cand.text if answer is None else answer)
    return cell_text


def html_of(cell):
    return "".join(o.get("data", {}).get("text/html", "") for o in cell.outputs if o.get("output_type") in
                   ("display_data", "execute_result"))


def run_notebook(home, tmp_path, lang):
    """Load, drill, then the wrong and the right fill of the cell the drill made: returns (notebook, payload)."""
    nb = nbformat.v4.new_notebook()
    nb.cells = [nbformat.v4.new_code_cell("%load_ext examprep"),
                nbformat.v4.new_code_cell(f"%examprep lang {lang}\n%examprep drill {PROBLEM} --level easy --seed 0")]
    payloads = []

    def on_executed(cell, cell_index, execute_reply):
        payloads.extend(p for p in execute_reply["content"].get("payload", []) if p.get("source") == "set_next_input")

    client = nbclient.NotebookClient(nb, timeout=120, kernel_name="python3", allow_errors=False,
                                     resources={"metadata": {"path": str(tmp_path)}}, on_cell_executed=on_executed)
    env = dict(os.environ, EXAMPREP_HOME=str(home), PYTHONPATH=str(ROOT) + os.pathsep + os.environ.get("PYTHONPATH", ""),
               PYTHONIOENCODING="utf-8")
    env.pop("EXAMPREP_LANG", None)
    with client.setup_kernel(env=env):
        for i, cell in enumerate(nb.cells):
            client.execute_cell(cell, i)
        assert len(payloads) == 1, payloads
        made = payloads[0]["text"]          # what the front end puts into the next cell
        hole = holes.make(catalog.get(PROBLEM), level="easy", seed=0, lang=lang)
        wrong = fill(made, hole, ["pass", None])
        right = fill(made, hole, [None, None])
        nb.cells += [nbformat.v4.new_code_cell(wrong), nbformat.v4.new_code_cell(right),
                     nbformat.v4.new_code_cell("%examprep hint"),
                     nbformat.v4.new_code_cell("import examprep\n"
                                               f"v = examprep.check(examprep.drill_source('{PROBLEM}', seed=0))\n"
                                               "print(v.passed, v.failure.check)"),
                     nbformat.v4.new_code_cell("%examprep report"),
                     nbformat.v4.new_code_cell("%examprep next"),
                     nbformat.v4.new_code_cell(f"%examprep show {PROBLEM}"),
                     nbformat.v4.new_code_cell("%examprep drill no_such_thing")]
        for i in range(2, len(nb.cells)):
            client.execute_cell(nb.cells[i], i)
    return nb, made, hole


@pytest.mark.parametrize("lang", ["en", "ja"])
def test_drill_and_check_in_a_kernel(examprep_home, tmp_path, lang):
    nb, made, hole = run_notebook(examprep_home, tmp_path, lang)
    # the drill: the next cell starts with the check magic and holds the hole file without its __file__ footer
    assert made.startswith("%%examprep check\n# examprep: softmax level=easy seed=0")
    assert "__file__" not in made and '__blank__("' in made and "# ▼ " in made and "# ▲ " in made
    assert "examprep check THIS_FILE" not in made and "examprep check このファイル" not in made
    drill_out = html_of(nb.cells[1])
    assert hole.labels[0] in drill_out and "softmax" in drill_out
    wrong_out, right_out = html_of(nb.cells[2]), html_of(nb.cells[3])
    if lang == "en":
        assert "✗ Not yet right" in wrong_out and "✓ Passed" not in wrong_out
        assert "✓ Passed" in right_out and "Recorded" in right_out
    else:
        assert "✗ 不正解です" in wrong_out and "✓ 正解です" in right_out
        assert not re.search(r"(step \d|moved after|backward return)", wrong_out), "no English inside Japanese"
    # per blank: the wrong one marked with the learner's answer and a diagnosis, the other right
    rows = re.findall(r"<tr><td>(\(.+?\))</td><td class=\"mark (\w+)\">(.)</td><td class=\"answer\">(.*?)</td>"
                      r"<td class=\"\w+\">(.*?)</td>", wrong_out)
    assert [(r[0], r[1], r[2]) for r in rows] == [(hole.labels[0], "ng", "✗"), (hole.labels[1], "ok", "✓")], rows
    assert rows[0][3] == "<code>pass</code>"
    assert "softmax(...)" in rows[0][4] and len(rows[0][4]) > 40          # the blank's own diagnosis
    # the hint names the first wrong blank
    hint_out = html_of(nb.cells[4])
    assert hole.labels[0] in hint_out and "<li>" in hint_out
    # the plain API in the kernel: an unfilled hole is graded, not recorded
    assert "".join(o.get("text", "") for o in nb.cells[5].outputs).strip() == "False blank"
    # report, next, show render in the notebook; a mistake is a message, not a traceback
    report_out = html_of(nb.cells[6])
    assert ("Am I ready?" if lang == "en" else "合格の準備はできているか") in report_out
    assert 'class="examprep-report"' in report_out and "body{" not in report_out
    assert "%examprep drill" in html_of(nb.cells[7])
    shown = "".join(o.get("data", {}).get("text/markdown", "") for o in nb.cells[8].outputs)
    assert "def softmax" in shown
    assert "no_such_thing" in html_of(nb.cells[9]) and "examprep:" in html_of(nb.cells[9])
    # no cell raised: every output is a display, none an error
    assert not [o for c in nb.cells for o in c.outputs if o.get("output_type") == "error"]
    with Store() as store:
        attempts = store.attempts()
    assert [(a.problem, a.mode, a.passed) for a in attempts] == [(PROBLEM, "check", False), (PROBLEM, "check", True)]
    assert [b["passed"] for b in attempts[0].blank_results] == [False, True]
    assert (examprep_home / "solutions" / f"{PROBLEM}.py").exists()
    nbformat.write(nb, str(tmp_path / f"examprep-{lang}.ipynb"))


def test_api_without_a_file(examprep_home):
    """examprep.check and drill_source work on strings: no file, no __file__."""
    import examprep

    text = examprep.drill_source(PROBLEM, level="easy", seed=0, lang="en")
    assert text.startswith("# examprep: softmax") and "__file__" not in text
    hole = holes.make(catalog.get(PROBLEM), level="easy", seed=0, lang="en")
    v = examprep.check(fill(text, hole, [None, None]))
    assert v.passed and [b.passed for b in v.blanks] == [True, True]
    assert v.to_json()["schema"] == "examprep.grade.verdict/1"
    mine = ("import numpy as np\n\ndef softmax(x):\n    e = np.exp(x - x.max(axis=-1, keepdims=True))\n"
            "    return e / e.sum(axis=-1, keepdims=True)\n")
    assert examprep.check(mine, problem=PROBLEM).passed
    assert not examprep.check(mine.replace("x - x.max", "x + x.max"), problem=PROBLEM).passed
    with pytest.raises(Exception) as info:
        examprep.check(mine)
    assert 'problem="ID"' in str(info.value)
    with Store() as store:
        assert [a.passed for a in store.attempts()] == [True, True, False]


def test_extension_is_lazy():
    """Importing examprep (the CLI does) loads neither IPython nor the notebook module."""
    import subprocess

    code = "import sys, examprep; print('IPython' in sys.modules, 'examprep.notebook' in sys.modules)"
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, cwd=str(ROOT)).stdout
    assert out.split() == ["False", "False"]
