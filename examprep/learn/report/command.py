"""`examprep report`: read the store, build the report, write it as text, Markdown, HTML or JSON."""
import io
import json
import sys
from datetime import date, datetime

from examprep.common import errors, files, i18n
from examprep.learn.report.words import TEXT


def parse_since(text):
    """A local date YYYY-MM-DD (a full ISO timestamp is accepted too). ValueError when it is not one."""
    text = (text or "").strip()
    try:
        return date.fromisoformat(text)
    except ValueError:
        pass
    return datetime.fromisoformat(text).date()   # raises ValueError


def load(since=None, now=None):
    """The report dict from this machine's store (no database is created when there is none)."""
    from examprep.learn import progress
    from examprep.learn.report.build import build
    from examprep.problem import catalog

    attempts, sessions, answers = [], [], []
    if progress.db_path().exists():
        with progress.Store() as store:
            attempts, sessions, answers = store.attempts(), store.sessions(), store.exam_answers()
    return build(attempts, catalog.load_all(), sessions=sessions, since=since, now=now, exam_answers=answers)


def main(args):
    lang = args.lang
    fmt = getattr(args, "format", "text") or "text"
    since = None
    if getattr(args, "since", None):
        try:
            since = parse_since(args.since)
        except ValueError:
            return errors.fail(lang, TEXT["bad_since"], v=args.since)
    data = load(since)
    output = getattr(args, "output", None)
    if fmt == "json":
        text = json.dumps(data, ensure_ascii=False, indent=2) + "\n"
    elif fmt == "md":
        from examprep.learn.report.markdown import render_md

        text = render_md(data, lang)
    elif fmt == "html":
        from examprep.learn.report.page import render_html

        text = render_html(data, lang)
    else:
        from examprep.common import render
        from examprep.learn.report.text import render_text

        if not output:
            render_text(render.console(), data, lang)
            return 0
        from rich.console import Console

        buf = io.StringIO()
        render_text(Console(file=buf, width=110, color_system=None, highlight=False, force_terminal=False), data, lang)
        text = buf.getvalue()
    if output:
        try:
            files.write_atomically(output, text)
        except OSError as exc:
            return errors.fail(lang, TEXT["cannot_write"], path=output, err=exc.strerror or exc)
        sys.stderr.write(i18n.text(TEXT, "wrote", lang, path=output) + "\n")
        return 0
    sys.stdout.write(text)
    return 0
