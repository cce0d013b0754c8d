"""ast.parse behind one process-wide lock.

CPython 3.11 converts a parsed tree into Python objects with a recursion counter that two threads
corrupt ("SystemError: AST constructor recursion depth mismatch"). The soundness analysis and the
mock exam's distractor proofs work on several problems in threads, so every parse in examprep goes
through parse() here. LOCK is re-entrant: code that keeps a longer stretch of AST work together
(holes.AST_LOCK is this lock) may call parse() while holding it.
"""
import ast
import threading

LOCK = threading.RLock()


def parse(source, *args, **kwargs):
    with LOCK:
        return ast.parse(source, *args, **kwargs)
