"""A typed or chosen fill of a code question as the complete answer file, and its grading by the sandbox."""
from examprep.problem import catalog, source
from examprep.hole import holes
from examprep.grade import sandbox
from examprep.exam.code.proof import GRADE_SEED, NOT_GRADED, TIME_LIMIT, reference_fingerprint


class StaleQuestion(Exception):
    """The reference has changed since the question was made: its line numbers may mean other lines."""


def fill_source(question, text):
    """The complete answer file with the question's blank filled with text (others from the reference)."""
    return fill_sources([(question, text)])


def fill_sources(pairs):
    """The complete answer file with several blanks of one problem filled: [(question, text)], the rest reference."""
    problem = catalog.get(pairs[0][0].problem)
    edits = []
    for question, text in pairs:
        blank = question.blank
        if question.problem != problem.id or blank["ref"] != reference_fingerprint(problem):
            raise StaleQuestion(question.id)
        statement = blank["template"].replace(blank["marker"], text)
        lines = [blank["indent"] + line if line.strip() else "" for line in statement.split("\n")]
        edits.append((blank["start"], blank["end"], lines))
    return holes.replace_lines(source.reference_answer(problem), sorted(edits))


def grade_combination(problem, pairs, time_limit=TIME_LIMIT):
    """The grader's failure (None when it passes) for several blanks of one set filled together: [(question, text)].
    Each option was proven wrong with the other blanks holding the reference; a combination of options can still
    make a correct program (mirrored signs across lines), and a right program is right."""
    result = sandbox.grade_variants(problem.source, [("set", fill_sources(pairs))], seed=GRADE_SEED,
                                    time_limit=time_limit)
    return result.failures.get("set", NOT_GRADED)


def grade_fills(problem, fills, time_limit=TIME_LIMIT):
    """{name: failure or None} for [(name, question, text)] of one problem, in one sandbox run."""
    result = sandbox.grade_variants(problem.source, [(name, fill_source(q, text)) for name, q, text in fills],
                                    seed=GRADE_SEED, time_limit=time_limit)
    return result.failures
