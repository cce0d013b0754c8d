"""One error type for a learner's or a machine's problem that examprep explains: a message in Japanese and in English,
and the one error line examprep shows for such a problem: `fail` prints it on stderr before a command stops, the
notebook magics show it in a box (examprep.notebook.html.error_html)."""
import sys


class BilingualError(Exception):
    """.ja and .en say what went wrong and what to do; str(exc) is the English message."""

    def __init__(self, ja, en):
        super().__init__(en)
        self.ja = ja
        self.en = en

    def message(self, lang):
        return self.ja if lang == "ja" else self.en


def error_line(lang, message, **fields):
    """examprep's error line in lang ("examprep: ...", no newline). message: a {ja, en} mapping (a TEXT entry, its
    {fields} filled from fields), a BilingualError, or a str shown as it is (Python's own words, the same in both
    languages)."""
    from examprep.common.i18n import pick

    if isinstance(message, BilingualError):
        text = message.message(lang)
    elif isinstance(message, str):
        text = message
    else:
        text = pick(message, lang)
        if fields:
            text = text.format(**fields)
    return f"examprep: {text}"


def fail(lang, message, code=2, **fields):
    """Print examprep's error line (error_line) on stderr and return the exit code (2: bad input) for the command to
    return."""
    sys.stderr.write(error_line(lang, message, **fields) + "\n")
    return code
