"""One error type for a learner's or a machine's problem that examprep explains: a message in Japanese and in English."""


class BilingualError(Exception):
    """.ja and .en say what went wrong and what to do; str(exc) is the English message."""

    def __init__(self, ja, en):
        super().__init__(en)
        self.ja = ja
        self.en = en

    def message(self, lang):
        return self.ja if lang == "ja" else self.en
