"""Command-line entry point: `examprep <command>`."""
import argparse
import sys

from examprep import __version__


def build_parser():
    parser = argparse.ArgumentParser(
        prog="examprep",
        description="Practise implementing deep learning in NumPy for the JDLA E資格. "
                    "NumPyでディープラーニングを実装する練習ツール (E資格対策)。",
    )
    parser.add_argument("--version", action="version", version=f"examprep {__version__}")
    return parser


def main(argv=None):
    parser = build_parser()
    parser.parse_args(argv)
    parser.print_help()
    return 0


if __name__ == "__main__":
    sys.exit(main())
