"""Verdict texts are printed literally: square brackets in a failure or a note (code such as noise[t == 1],
an index in an exception) are not taken for rich markup and swallowed."""
import io

from rich.console import Console

from examprep.common import render


class _Verdict:
    passed = False
    blanks = []
    output = ""
    checks = None

    def __init__(self, failure, notes):
        self.failure, self.notes = failure, notes


class _Problem:
    title = {"ja": "題", "en": "Title"}


def test_brackets_in_failure_and_notes_survive(monkeypatch):
    monkeypatch.setattr(render, "failure_text", lambda failure, lang: "zero noise[t == 1] and x[:, t]")
    out = io.StringIO()
    con = Console(file=out, width=200, color_system=None)
    render.verdict(con, _Problem(), _Verdict(object(), [{"ja": "注 [b]", "en": "note [bold]x[/bold]"}]), "en")
    text = out.getvalue()
    assert "noise[t == 1]" in text and "x[:, t]" in text
    assert "note [bold]x[/bold]" in text
