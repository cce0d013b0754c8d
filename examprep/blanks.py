"""What an unfilled blank in a hole file does when it runs: say which blank is empty.

Hole files import this module (`from examprep.blanks import __blank__`), so it stays
tiny and imports nothing heavy. They call the placeholder `__blank__`, a name no target's
parameter or variable uses (a target may well have a parameter named `blank`, the CTC blank
id); hole files saved before call it `blank`, which stays.
"""


class BlankNotFilled(Exception):
    def __init__(self, label):
        self.label = label
        super().__init__(f"blank {label} is not filled in yet / 空欄 {label} がまだ埋められていません")


def blank(label):
    """Stands where the learner's code goes; raises BlankNotFilled when reached."""
    raise BlankNotFilled(label)


__blank__ = blank   # the name hole files call it by
