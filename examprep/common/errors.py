"""One error type for a learner's or a machine's problem that examprep explains: a message in Japanese and in English,
and the one way a command prints such a problem before it stops."""
import sys


class BilingualError(Exception):
    """.ja and .en say what went wrong and what to do; str(exc) is the English message."""

    def __init__(self, ja, en):
        super().__init__(en)
        self.ja = ja
        self.en = en

    def message(self, lang):
        return self.ja if lang == "ja" else self.en


def fail(lang, message, code=2, **fields):
    """Print examprep's error line on stderr ("examprep: ..."), in lang, and return the exit code (2: bad input) for
    the command to return. message: a {ja, en} mapping (a TEXT entry, its {fields} filled from fields) or a
    BilingualError."""
    from examprep.common.i18n import pick

    if isinstance(message, BilingualError):
        text = message.message(lang)
    else:
        text = pick(message, lang)
        if fields:
            text = text.format(**fields)
    sys.stderr.write(f"examprep: {text}\n")
    return code
