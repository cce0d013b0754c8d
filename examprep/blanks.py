"""What an unfilled blank in a hole file does when it runs: say which blank is empty.

Hole files import this module (`from examprep.blanks import blank`), so it stays
tiny and imports nothing heavy.
"""


class BlankNotFilled(Exception):
    def __init__(self, label):
        self.label = label
        super().__init__(f"blank {label} is not filled in yet / 空欄 {label} がまだ埋められていません")


def blank(label):
    """Stands where the learner's code goes; raises BlankNotFilled when reached."""
    raise BlankNotFilled(label)
