"""Reading the learner's answers at the terminal.

input_until(): a line with readline editing, or TimeUp at a deadline (practice, the mock exam); Countdown: a
session deadline and an input function that honours it; read_answer(): one blank's answer, a line or several
(like the Python prompt); statement_for(): the statement(s) a typed reply stands for.
"""
import codeop
import os
import select
import signal
import sys
import textwrap
import threading
import time
from contextlib import contextmanager

from examprep.common.timefmt import clock
from examprep.common import pyast

try:
    import readline  # noqa: F401 - loading it gives input() line editing (arrows, history) in every prompt
except ImportError:  # not on every platform
    readline = None

SKIP_WORDS = ("n", "next")
QUIT_WORDS = ("q", "quit")
CODE_WORDS = ("c", "code")   # show the whole code again (no blank's answer is a bare name)


class TimeUp(Exception):
    """The countdown reached zero while an answer was being read."""


def input_until(remaining, prompt):
    """input(prompt), with line editing, abandoned with TimeUp once remaining() (seconds left) reaches zero.

    The deadline fires through SIGALRM (POSIX, main thread) while the learner types; what was typed but not
    entered is then discarded, so it does not reach the shell after examprep ends. Elsewhere the line is read
    in full and TimeUp raised if the time ran out meanwhile. Used by practice (Countdown) and the mock exam.
    """
    left = remaining()
    if left <= 0:
        raise TimeUp
    if not hasattr(signal, "setitimer") or threading.current_thread() is not threading.main_thread():
        text = input(prompt)
        if remaining() <= 0:
            raise TimeUp
        return text

    def on_alarm(signum, frame):
        raise TimeUp

    previous = signal.signal(signal.SIGALRM, on_alarm)
    signal.setitimer(signal.ITIMER_REAL, left)
    try:
        return input(prompt)
    except TimeUp:
        discard_typed(sys.stdin.fileno())
        raise
    finally:
        signal.setitimer(signal.ITIMER_REAL, 0)
        signal.signal(signal.SIGALRM, previous)


def discard_typed(fd):
    """Drop a half-typed line on a terminal, so it does not reach the shell after examprep ends."""
    try:
        import termios

        if os.isatty(fd):
            termios.tcflush(fd, termios.TCIFLUSH)
    except (ImportError, OSError):
        pass


class Countdown:
    """A session deadline, and an input function that honours it.

    input(prompt) writes "[mm:ss] prompt" and reads a line with input_until (line editing, TimeUp when the
    time runs out). Given a file descriptor (stdin_fd, for tests and pipes) it waits with select() on it for
    at most the time left instead, reading lines from the descriptor directly so that no buffered line is
    ever missed by select().
    """

    def __init__(self, seconds, stdin_fd=None, stdout=None):
        self.deadline = time.monotonic() + seconds
        self.fd = stdin_fd
        self.stdout = stdout
        self._pending = b""

    def remaining(self):
        return max(0.0, self.deadline - time.monotonic())

    @contextmanager
    def paused(self):
        """Stop the clock while examprep itself works (preparing a hole): the learner's time is not spent."""
        started = time.monotonic()
        try:
            yield
        finally:
            self.deadline += time.monotonic() - started

    def input(self, prompt):
        out = self.stdout or sys.stdout
        left = self.remaining()
        if left <= 0:
            raise TimeUp
        if self.fd is None:
            try:
                return input_until(self.remaining, f"[{clock(left)}] {prompt}")
            except TimeUp:
                out.write("\n")
                raise
        out.write(f"[{clock(left)}] {prompt}")
        out.flush()
        return self._readline()

    def _readline(self):
        while b"\n" not in self._pending:
            left = self.deadline - time.monotonic()
            if left <= 0:
                self._pending = b""
                discard_typed(self.fd)
                (self.stdout or sys.stdout).write("\n")
                raise TimeUp
            ready, _, _ = select.select([self.fd], [], [], left)
            if not ready:
                continue
            data = os.read(self.fd, 4096)
            if not data:  # end of input: Ctrl-D at the start of a line, or a closed pipe
                if self._pending:
                    line, self._pending = self._pending, b""
                    return line.decode("utf-8", "replace")
                raise EOFError
            self._pending += data
        line, self._pending = self._pending.split(b"\n", 1)
        return line.decode("utf-8", "replace").rstrip("\r")


def read_answer(con, prompt, input_fn, body=False):
    """One answer: a line, or several when the first is unfinished Python (like the REPL).

    With body (a blank standing for several statements, such as a whole method at level
    full) every answer is read up to an empty line.
    """
    lines = [input_fn(prompt)]
    if lines[0].strip() in ("?", "!") + QUIT_WORDS + SKIP_WORDS + CODE_WORDS:
        return lines[0].strip()
    if body:
        while True:
            more = input_fn("... ")
            if not more.strip():
                return "\n".join(lines)
            lines.append(more)
    while True:
        source = "\n".join(lines)
        try:
            # "single", as the Python prompt: a block (`if ...:` and its body) stays open until an empty
            # line; in "exec" mode it would end after its first body line.
            complete = codeop.compile_command(source, "<blank>", "single")
        except (SyntaxError, ValueError, OverflowError):
            return source  # reported by statement_for
        if complete is not None and not source.rstrip().endswith(":"):
            return source
        more = input_fn("... ")
        if not more.strip():
            return source
        lines.append(more)


def is_body(candidate):
    """Whether a blank stands for several statements (a whole body at level full)."""
    try:
        return len(pyast.parse(candidate.text).body) > 1
    except SyntaxError:
        return False


def statement_for(candidate, reply):
    """The statement(s) a typed reply stands for: an expression completes the visible
    left-hand side (`col = ` + reply); statements replace the whole line."""
    text = textwrap.dedent(reply.strip("\n"))
    if candidate.lhs:
        try:
            pyast.parse(text, mode="eval")
            return candidate.lhs + text.strip(), None
        except SyntaxError:
            pass
    try:
        pyast.parse(text)
    except SyntaxError as exc:
        return None, exc.msg
    return text, None
