"""`examprep completion bash|zsh`: the generated script completes commands, options, choices and problem ids in a
real bash (and zsh when it is installed)."""
import os
import shutil
import subprocess
import sys

import pytest

from examprep.problem import catalog


@pytest.fixture(scope="module")
def script(tmp_path_factory):
    out = {}
    for shell in ("bash", "zsh"):
        proc = subprocess.run([sys.executable, "-m", "examprep", "completion", shell], capture_output=True, text=True,
                              timeout=60, env=dict(os.environ, PYTHONIOENCODING="utf-8"))
        assert proc.returncode == 0, proc.stderr
        path = tmp_path_factory.mktemp("completion") / f"examprep.{shell}"
        path.write_text(proc.stdout, encoding="utf-8")
        out[shell] = path
    return out


def complete(script, *words):
    """COMPREPLY for the command line `examprep words...` with the cursor on the last word."""
    line = " ".join(f"'{w}'" for w in ("examprep",) + words)
    code = (f"source '{script}'; COMP_WORDS=({line}); COMP_CWORD=$((${{#COMP_WORDS[@]}} - 1)); _examprep; "
            'printf "%s\\n" "${COMPREPLY[@]}"')
    proc = subprocess.run(["bash", "-c", code], capture_output=True, text=True, timeout=30)
    assert proc.returncode == 0 and not proc.stderr, proc.stderr
    return [w for w in proc.stdout.splitlines() if w]


@pytest.mark.skipif(not shutil.which("bash"), reason="bash is not installed")
def test_bash(script, tmp_path):
    bash = script["bash"]
    assert complete(bash, "dri") == ["drill"]
    assert "watch" in complete(bash, "") and "completion" in complete(bash, "")
    assert complete(bash, "drill", "conv2d_n") == ["conv2d_naive"]
    assert complete(bash, "--lang", "ja", "show", "softmax_w") == ["softmax_with_loss"]
    assert sorted(complete(bash, "drill", "")) == sorted(catalog.load_all())
    assert complete(bash, "drill", "adam", "--level", "h") == ["hard"]
    assert complete(bash, "check", "x.py", "--problem", "batchn") == ["batchnorm"]
    assert complete(bash, "report", "--format", "") == ["text", "md", "html", "json"]
    assert "--minutes" in complete(bash, "mock-exam", "--")
    (tmp_path / "hole_conv.py").write_text("", encoding="utf-8")
    assert complete(bash, "check", str(tmp_path / "hole_c")) == [str(tmp_path / "hole_conv.py")]


@pytest.mark.skipif(not shutil.which("zsh"), reason="zsh is not installed")
def test_zsh_loads_it(script):
    code = f"source '{script['zsh']}'; whence -w _examprep; complete -p examprep 2>/dev/null || true"
    proc = subprocess.run(["zsh", "-f", "-c", code], capture_output=True, text=True, timeout=30)
    assert proc.returncode == 0, proc.stderr
    assert "_examprep: function" in proc.stdout
