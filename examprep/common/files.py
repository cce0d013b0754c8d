"""Writing the learner's files so that a crash or Ctrl-C never leaves half of one."""
import os
import tempfile
from pathlib import Path


def replace_atomically(path, write, binary=True, keep_mode=True, suffix=""):
    """Call write(f) on a temporary file in path's folder, then rename it over path, so a reader (or a crash)
    never sees half a file; if write raises (a failed checksum, Ctrl-C), the temporary file is removed and path
    is left as it was. The file gets path's old permissions, or the usual ones (mkstemp's are owner-only)."""
    path = Path(path)
    directory = path.parent if str(path.parent) else Path(".")
    fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", suffix=suffix, dir=directory)
    try:
        with os.fdopen(fd, "wb" if binary else "w", **({} if binary else {"encoding": "utf-8"})) as f:
            write(f)
        try:
            if not keep_mode:
                raise OSError
            mode = path.stat().st_mode & 0o777
        except OSError:
            umask = os.umask(0)
            os.umask(umask)
            mode = 0o666 & ~umask
        os.chmod(tmp, mode)
        os.replace(tmp, path)
    except BaseException:
        try:
            os.unlink(tmp)
        except OSError:
            pass
        raise


def write_atomically(path, text):
    """Write text (UTF-8) to path through a temporary file and a rename (see replace_atomically)."""
    replace_atomically(path, lambda f: f.write(text), binary=False)


_HELD = []   # open lock files: a lock lasts as long as its file stays open, here until the process ends


def hold_lock(path):
    """Lock path (made if missing) for this process until it ends, with an exclusive advisory lock (flock).
    Raises BlockingIOError when another process holds it, OSError when the file cannot be made. Where the
    platform has no flock nothing is locked."""
    try:
        import fcntl
    except ImportError:
        return
    f = open(path, "a")
    try:
        fcntl.flock(f, fcntl.LOCK_EX | fcntl.LOCK_NB)
    except OSError:
        f.close()
        raise
    _HELD.append(f)
