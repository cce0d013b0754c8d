"""Mock-exam questions and the exam itself (see ARCHITECTURE.md, "Mock exam").

    model.py           Question / Option and their JSON form (schema examprep.question/1)
    code/              code_choice / code_free questions from the reference, distractors proven by the grader
    calc/              calc questions from templates by subject, keys computed by the reference
    formula/           formula-choice questions by family, every option evaluated against the reference
    knowledge.py       knowledge questions from the bank (bank/areaN/*.yaml); scenarios.py: scenario sets
    compose.py         an exam's questions: per-area quotas from documented weights, sets kept together
    framework.py       the PyTorch track: framework questions from torch_bank/*.yaml (keys proven in the tests)
    sitting.py         one sitting: state file, answers saved as given, the clock, submission; scoring.py: the result
    interactive.py     the exam screen; results.py: the result and the review
    paper.py           --print (Markdown for paper) and --export (JSON, schema examprep.exam/1)
    command.py         `examprep mock-exam` arguments (no numpy)
"""
from examprep.exam.model import SCHEMA, Option, Question, marker  # noqa: F401
