"""Writing the learner's files so that a crash or Ctrl-C never leaves half of one."""
import os
import tempfile
from pathlib import Path


def write_atomically(path, text):
    """Write text to path through a temporary file in the same folder and a rename, so a reader (or a crash)
    never sees half a file. The file gets the usual permissions (mkstemp's are owner-only)."""
    path = Path(path)
    directory = path.parent if str(path.parent) else Path(".")
    fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", dir=directory)
    try:
        with os.fdopen(fd, "w", encoding="utf-8") as f:
            f.write(text)
        try:
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
