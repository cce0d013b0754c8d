"""Mock-exam questions and the exam itself (see ARCHITECTURE.md, "Mock exam").

    model.py           Question / Option and their JSON form (schema examprep.question/1)
    code_questions.py  code_choice / code_free questions from the reference, distractors proven by the grader
    calc_questions.py  calc questions from templates, keys computed by the reference (calc_applied.py: areas 1, 4, 5)
    compose.py         an exam's questions: per-area quotas from documented weights, sets kept together
    session.py         one sitting: state file, answers saved as given, the clock, submission and scoring
    paper.py           --print (Markdown for paper) and --export (JSON, schema examprep.exam/1)
    command.py         `examprep mock-exam` (arguments and the interactive loop)
"""
from examprep.exam.model import SCHEMA, Option, Question, marker  # noqa: F401
