"""`examprep next`: what to practise next (being written; see issue 4)."""


def main(args):
    import sys

    sys.stderr.write("examprep: next is not available yet / next はまだ使えません\n")
    return 2
