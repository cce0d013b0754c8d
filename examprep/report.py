"""`examprep report`: the progress report (being written; see issue 4)."""


def main(args):
    import sys

    sys.stderr.write("examprep: report is not available yet / report はまだ使えません\n")
    return 2
