"""`examprep practice`: a timed session of drills (being written; see issue 4)."""


def main(args):
    import sys

    sys.stderr.write("examprep: practice is not available yet / practice はまだ使えません\n")
    return 2
