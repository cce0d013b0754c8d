"""`%examprep` / `%%examprep`: examprep in Jupyter and Colab (loaded by `%load_ext examprep`).

    %examprep drill conv2d --level hard   the hole goes into the next cell (IPython's set_next_input)
    %%examprep check [ID]                 grade the cell's code in the sandbox; the verdict as HTML, recorded
    %examprep hint [ID] [LABEL]           one more hint for a blank (the first one still wrong by default)
    %examprep show ID | next | report | list | lang ja|en | help

Grading is examprep.notebook.api's, which is `examprep check`'s own: the same sandbox, the same progress store.
"""
import argparse
import shlex

from IPython.core.magic import Magics, line_cell_magic, magics_class
from IPython.display import HTML, Markdown, display

from examprep.common.errors import error_line
from examprep.common.i18n import default_lang, ja_en
from examprep.notebook import api
from examprep.notebook import html as H

USAGE = {
    "ja": "使い方: %examprep drill ID [--level easy|normal|hard|full] [--blanks N] [--seed N] / "
          "%%examprep check [ID] (セルの先頭) / %examprep hint [ID] [空欄] / %examprep show ID / %examprep next / "
          "%examprep report [--since YYYY-MM-DD] / %examprep list / %examprep lang ja|en",
    "en": "Usage: %examprep drill ID [--level easy|normal|hard|full] [--blanks N] [--seed N] / "
          "%%examprep check [ID] (at the top of a cell) / %examprep hint [ID] [BLANK] / %examprep show ID / "
          "%examprep next / %examprep report [--since YYYY-MM-DD] / %examprep list / %examprep lang ja|en",
}


class _ArgError(Exception):
    pass


class _Parser(argparse.ArgumentParser):
    def error(self, message):
        raise _ArgError(message)


def _parser(prog):
    p = _Parser(prog=prog, add_help=False)
    p.add_argument("--lang", choices=["ja", "en"])
    return p


@magics_class
class ExamprepMagics(Magics):
    def __init__(self, shell):
        super().__init__(shell)
        self.lang = default_lang()
        self.holes = {}          # problem id -> the hole last drilled
        self.last = None         # the problem last drilled or checked
        self.failed = {}         # problem id -> labels still wrong in its last check
        self.hints_shown = {}    # (problem id, label) -> hints shown so far

    @line_cell_magic
    def examprep(self, line, cell=None):
        try:
            words = shlex.split(line)
        except ValueError as exc:        # shlex: an unclosed quotation, say
            return self._error(ja_en(f"%examprep の行を単語に分けられません ({exc})",
                                     f"cannot split the %examprep line into words ({exc})"))
        command, rest = (words[0], words[1:]) if words else ("help", [])
        try:
            if cell is not None:
                if command != "check":
                    raise _ArgError("%%examprep check [ID]")
                return self.check(rest, cell)
            handler = {"drill": self.drill, "hint": self.hint, "show": self.show, "next": self.next,
                       "report": self.report, "list": self.list, "lang": self.set_lang, "help": self.help,
                       "check": self.check_line}.get(command)
            if handler is None:
                raise _ArgError(f"{command}?")
            return handler(rest)
        except _ArgError as exc:
            self._error(f"{exc}\n{USAGE[self.lang]}")
        except api.ExamprepError as exc:
            self._error(exc)

    # --- commands -------------------------------------------------------------------------------------------

    def drill(self, words):
        p = _parser("%examprep drill")
        p.add_argument("problem")
        p.add_argument("--level", choices=["easy", "normal", "hard", "full"], default="normal")
        p.add_argument("--blanks", type=int)
        p.add_argument("--seed", type=int)
        a = p.parse_args(words)
        lang = a.lang or self.lang
        hole = api.make_hole(a.problem, level=a.level, blanks=a.blanks, seed=a.seed, lang=lang)
        text = api.cell_text(hole)
        self.holes[hole.problem_id] = hole
        self.last = hole.problem_id
        self.failed[hole.problem_id] = list(hole.labels)
        self.shell.set_next_input("%%examprep check\n" + text, replace=False)
        display(HTML(H.drill_html(api._problem(hole.problem_id), hole, text, lang)))

    def check(self, words, cell):
        p = _parser("%%examprep check")
        p.add_argument("problem", nargs="?")
        a = p.parse_args(words)
        lang = a.lang or self.lang
        errors = []
        checked = api.grade(cell, a.problem, on_store_error=errors.append,
                            how=("%%examprep check ID", "%%examprep check ID"))
        v = checked.verdict
        for exc in errors:       # a read-only or locked store: the verdict is shown all the same, as check does
            v.notes.append({"ja": f"この採点は履歴に記録されませんでした: {exc.ja}",
                            "en": f"This check was not recorded in your history: {exc.en}"})
        self.last = checked.problem.id
        self.failed[checked.problem.id] = [b.label for b in v.blanks if b.passed is False]
        display(HTML(H.verdict_html(checked.problem, v, lang, recorded=checked.recorded and not errors)))

    def check_line(self, words):
        raise _ArgError("%%examprep check [ID]: " + ("セルの先頭に書きます" if self.lang == "ja" else
                                                      "goes at the top of the cell to grade"))

    def hint(self, words):
        p = _parser("%examprep hint")
        p.add_argument("problem", nargs="?")
        p.add_argument("label", nargs="?")
        a = p.parse_args(words)
        lang = a.lang or self.lang
        pid = a.problem or self.last
        if pid is None:
            raise _ArgError("%examprep hint ID")
        hole = self.holes.get(pid)
        label = a.label
        if label is None:
            wrong = self.failed.get(pid) or []
            label = wrong[0] if wrong else (hole.labels[0] if hole else "(1)")
        if label.isdigit():
            label = f"({label})"
        if hole is not None:
            all_hints = api.hints(pid, label, lang=lang, source=hole.text)
        else:
            all_hints = api.hints(pid, label, lang=lang)
        k = min(len(all_hints), self.hints_shown.get((pid, label), 0) + 1)
        self.hints_shown[(pid, label)] = k
        display(HTML(H.hints_html(pid, label, all_hints[:k], len(all_hints), lang)))

    def show(self, words):
        from examprep.problem import source

        p = _parser("%examprep show")
        p.add_argument("problem")
        a = p.parse_args(words)
        lang = a.lang or self.lang
        prob = api._problem(a.problem)
        display(Markdown(f"### {prob.title[lang]}\n\n`{prob.id}` · {prob.item} {prob.section} / {prob.topic}\n\n"
                         f"```python\n{source.reference_answer(prob).rstrip()}\n```\n\n{prob.explanation[lang]}"))

    def next(self, words):
        from functools import partial

        from examprep.common import i18n
        from examprep.common.timefmt import relative
        from examprep.learn import schedule, whatnext
        from examprep.problem import catalog

        p = _parser("%examprep next")
        p.add_argument("--limit", type=int, default=10)
        a = p.parse_args(words)
        lang = a.lang or self.lang
        plan = schedule.plan(schedule.load_attempts(), catalog.load_all())
        t = partial(i18n.text, whatnext.TEXT)
        parts = []
        if plan.due:
            rows = [[prob.id, prob.title[lang], relative(info.due, plan.now, lang),
                     t("rating_" + schedule.RATING_NAMES[info.last_rating], lang), f"{info.retrievability:.0%}"]
                    for prob, info in plan.due[:a.limit]]
            parts.append(H.table_html(t("due", lang, n=len(plan.due)),
                                      [t(k, lang) for k in ("col_id", "col_problem", "col_due", "col_last",
                                                             "col_recall")], rows))
        else:
            parts.append(f"<p>{H.esc(t('nothing_due', lang))}</p>")
        room = max(0, a.limit - len(plan.due))
        if plan.new and room:
            rows = [[prob.id, prob.title[lang], prob.item, ", ".join(prob.requires)] for prob in plan.new[:room]]
            parts.append(H.table_html(t("new", lang, n=len(plan.new)),
                                      [t(k, lang) for k in ("col_id", "col_problem", "col_item", "col_requires")],
                                      rows))
        first = (plan.due[0][0] if plan.due else plan.new[0] if plan.new else None)
        if first is not None:
            parts.append(f"<p><code>%examprep drill {H.esc(first.id)}</code></p>")
        display(HTML(H.box(f"<h3>{H.esc(t('title', lang))}</h3>" + "".join(parts))))

    def report(self, words):
        from examprep.learn.report import command, page

        p = _parser("%examprep report")
        p.add_argument("--since")
        a = p.parse_args(words)
        lang = a.lang or self.lang
        since = None
        if a.since:
            try:
                since = command.parse_since(a.since)
            except ValueError:
                raise _ArgError(f"--since YYYY-MM-DD ({a.since}?)") from None
        display(HTML(page.fragment(command.load(since), lang)))

    def list(self, words):
        from examprep.problem import catalog

        a = _parser("%examprep list").parse_args(words)
        lang = a.lang or self.lang
        rows = [[prob.id, prob.title[lang], f"{prob.item} {prob.topic}", prob.kind]
                for prob in sorted(catalog.load_all().values(), key=lambda q: (q.item, q.id))]
        header = ["ID", "問題", "項目", "種類"] if lang == "ja" else ["ID", "Problem", "Item", "Kind"]
        display(HTML(H.box(H.table_html("examprep", header, rows))))

    def set_lang(self, words):
        if len(words) != 1 or words[0] not in ("ja", "en"):
            raise _ArgError("%examprep lang ja|en")
        self.lang = words[0]

    def help(self, words):
        display(HTML(H.box(f"<p>{H.esc(USAGE[self.lang])}</p>")))

    def _error(self, message):
        """message: as examprep.common.errors.error_line takes it (an ExamprepError, a {ja, en} mapping, a str)."""
        display(HTML(H.error_html(error_line(self.lang, message))))


def load(ipython):
    ipython.register_magics(ExamprepMagics(ipython))
