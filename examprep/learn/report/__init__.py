"""`examprep report`: the graded progress report, from the recorded attempts and mock exams.

build() computes one dict, which is the JSON format (schema "examprep.learn.report/1", described in
ARCHITECTURE.md); text (rich), Markdown and HTML are drawn from that dict. Its first part answers "am I ready?":
readiness per syllabus area with n and a 95 % interval (readiness.py), what to do next and why, the syllabus items
never tried, what is due. Statistics count *runs* (examprep.learn.reviews: one drill or practice of a problem with
all its rounds, or one check). --since restricts the statistics to runs that started on or after that local date;
the streak and what is due always reflect the whole history. The report never shows a grade, a rate or a verdict
without the answers behind it.

Modules: stats (counts, grades, streak, trend, exams), readiness (Wilson intervals, untried items, next steps),
build (the dict), words (texts and rules), tables (cells shared by the renderers), text / markdown / page (the
three renderers), svg (style sheet and charts), command (the CLI).
"""
from examprep.learn.report.build import SCHEMA, build
from examprep.learn.report.command import main, parse_since
from examprep.learn.report.stats import GRADE_MIN_RUNS, GRADE_WINDOW, NO_GRADE, grade, streak, trend

__all__ = ["SCHEMA", "build", "main", "parse_since", "GRADE_MIN_RUNS", "GRADE_WINDOW", "NO_GRADE", "grade",
           "streak", "trend"]
