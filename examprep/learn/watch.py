"""`examprep watch FILE`: grade a file again each time it is saved, the verdict redrawn in place (as rustlings does).

The file's folder is watched with `watchfiles` (inotify / FSEvents / ReadDirectoryChangesW through the Rust `notify`
crate), not a polling loop: editors that save by writing a temporary file and renaming it over FILE (vim, JetBrains,
VS Code's atomic save) replace the file's inode, so watching the folder and filtering on FILE's name sees every
kind of save. A save that leaves the text as it was (a touch, a second save) is not graded again. Each grading is
`examprep check`'s own (examprep.learn.checking), recorded in the progress store as a check. Ctrl-C leaves with
exit code 0 (1 when the last verdict failed).
"""
import os
import time
from pathlib import Path

from examprep.common import errors, i18n
from examprep.common.i18n import pick

TEXT = {
    "header": {"ja": "examprep watch {file} · {n} 回目の採点 · {clock}",
               "en": "examprep watch {file} · grading #{n} · {clock}"},
    "waiting": {"ja": "{file} を保存するたびに採点し直します。終了は Ctrl-C。",
                "en": "Save {file} to grade it again. Ctrl-C to stop."},
    "gone": {"ja": "{file} がありません。保存されるのを待っています…", "en": "{file} is gone; waiting for it to be saved…"},
    "unreadable": {"ja": "{file} を読めません: {err}", "en": "cannot read {file}: {err}"},
    "unfilled": {"ja": "まだ空欄が埋まっていません (記録しません)。", "en": "No blank is filled in yet (not recorded)."},
    "bye": {"ja": "watch を終了しました ({n} 回採点)。", "en": "Stopped watching ({n} gradings)."},
    "no_file": {"ja": "ファイル {file} がありません。", "en": "no file {file}."},
}


class Watcher:
    def __init__(self, path, problem_id, lang, con):
        self.path = Path(path)
        self.target = os.path.join(str(self.path.parent.resolve()), self.path.name)
        self.problem_id = problem_id
        self.lang = lang
        self.con = con
        self.last_text = None
        self.gradings = 0
        self.passed = None

    def read(self):
        """The file's text, or None when it is missing or unreadable (said on the screen)."""
        from examprep.learn import checking

        try:
            return checking.read_source(self.path, limit=checking.MAX_BYTES)
        except checking.CheckInputError as exc:           # too large to check, as `examprep check` says
            self.con.print(f"[red]{pick({'ja': exc.ja, 'en': exc.en}, self.lang)}[/red]")
        except FileNotFoundError:
            self.con.print(f"[yellow]{i18n.text(TEXT, 'gone', self.lang, file=self.path)}[/yellow]")
        except (OSError, UnicodeDecodeError, SyntaxError) as exc:
            self.con.print(f"[red]{i18n.text(TEXT, 'unreadable', self.lang, file=self.path, err=exc)}[/red]")
        return None

    def grade_if_changed(self):
        """Grade the file when its text differs from the last graded one. Returns the exit code for a bad input
        (2), else None."""
        from examprep.common import render
        from examprep.learn import checking

        text = self.read()
        if text is None or text == self.last_text:
            return None
        self.last_text = text
        self.gradings += 1
        if self.con.is_terminal:
            self.con.clear()
        self.con.rule(i18n.text(TEXT, "header", self.lang, file=self.path.name, n=self.gradings,
                                clock=time.strftime("%H:%M:%S")))
        try:
            checked = checking.check_text(
                text, self.problem_id, where=str(self.path),
                on_store_error=lambda exc: self.con.print(f"[red]{exc.message(self.lang)}[/red]"),
                status=lambda: render.status(self.con, self.lang, "grade"))
        except checking.CheckInputError as exc:
            self.con.print(f"[red]{pick({'ja': exc.ja, 'en': exc.en}, self.lang)}[/red]")
            return 2
        render.verdict(self.con, checked.problem, checked.verdict, self.lang)
        if not checked.recorded:
            self.con.print(f"[dim]{i18n.text(TEXT, 'unfilled', self.lang)}[/dim]")
        self.passed = checked.verdict.passed
        self.con.print(f"[dim]{i18n.text(TEXT, 'waiting', self.lang, file=self.path.name)}[/dim]")
        return None

    def is_target(self, _change, changed_path):
        return os.path.abspath(changed_path) == self.target


def main(args):
    from watchfiles import watch

    from examprep.common import render
    from examprep.grade import sandbox

    lang = args.lang
    path = Path(args.file)
    if not path.is_file():
        return errors.fail(lang, TEXT["no_file"], file=path)
    sandbox.prestart()
    con = render.console()
    w = Watcher(path, args.problem, lang, con)
    try:
        code = w.grade_if_changed()
        if code is not None:
            return code
        # yield_on_timeout: the first (empty) yield comes once the watcher is running; a save made between the
        # first grading and that moment is caught by comparing the text then. Later timeouts grade nothing.
        first = True
        for changes in watch(path.parent.resolve(), watch_filter=w.is_target, debounce=300, step=50,
                             rust_timeout=500, yield_on_timeout=True, raise_interrupt=True):
            if changes or first:
                first = False
                code = w.grade_if_changed()
                if code is not None:
                    return code
    except KeyboardInterrupt:
        pass
    con.print()
    con.print(i18n.text(TEXT, "bye", lang, n=w.gradings))
    return 0 if w.passed or w.passed is None else 1
