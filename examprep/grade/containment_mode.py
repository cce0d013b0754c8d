"""Which containment the sandbox's worker runs under, and what is off without it (the grader's side).

containment_mode() says whether the worker starts inside namespaces (examprep.grade.contain, in the worker)
or as a plain process, remembering for CACHE_DAYS that namespaces did not work here; protections_off() is the
note a verdict then carries; the hidden and read-only paths are what a contained worker is told to mask and check.
"""
import json
import os
import shutil
import sys
import time

CACHE_DAYS = 7              # namespaces found not to work are tried again after this

_mode_cache = {}


def _cache_file():
    from examprep.common.paths import cache_dir

    return cache_dir() / "sandbox-namespaces.json"


def _cache_key():
    return {"kernel": os.uname().release, "uid": os.getuid(), "unshare": shutil.which("unshare"),
            "python": sys.executable}


def containment_mode():
    """("namespaces", None) or ("process", why namespaces are not used)."""
    forced = os.environ.get("EXAMPREP_SANDBOX", "").strip().lower()
    if forced == "process":
        return "process", "EXAMPREP_SANDBOX=process"
    if not sys.platform.startswith("linux"):
        return "process", f"no namespaces on {sys.platform}"
    if shutil.which("unshare") is None:
        return "process", "util-linux unshare is not installed"
    if forced == "namespaces":
        return "namespaces", None
    if "mode" not in _mode_cache:
        try:
            cached = json.loads(_cache_file().read_text(encoding="utf-8"))
            fresh = time.time() - float(cached.get("time", 0)) < CACHE_DAYS * 86400
            if cached.get("key") == _cache_key() and cached.get("works") is False and fresh:
                _mode_cache["mode"] = ("process", cached.get("reason") or "namespaces did not work")
        except (OSError, ValueError, TypeError, AttributeError):
            pass
    return _mode_cache.get("mode", ("namespaces", None))


def remember_unavailable(reason):
    _mode_cache["mode"] = ("process", reason)
    try:
        from examprep.common.files import write_atomically

        path = _cache_file()
        path.parent.mkdir(parents=True, exist_ok=True)
        write_atomically(path, json.dumps({"key": _cache_key(), "works": False, "reason": reason,
                                           "time": time.time()}))
    except Exception:  # noqa: BLE001 - the cache is an optimisation; a read-only cache is fine
        pass


def protections_off(reason):
    """The note a verdict carries when the worker ran without namespaces: what is not protected."""
    linux = sys.platform.startswith("linux")
    leftovers_ja = "" if linux else "、採点後もコードが起動したプロセスが残ること"
    leftovers_en = "" if linux else "; processes it starts may outlive grading"
    return {"ja": f"名前空間による隔離が使えないため ({reason})、解答のコードはプロセスの分離と資源制限のみで実行されました。"
                  f"次の保護は無効です: データディレクトリ (履歴・保存した解答) への書き込み、examprep への"
                  f"シグナル送信、ネットワークの利用、参照実装のファイルの読み取りを防ぐこと{leftovers_ja}。",
            "en": f"Namespaces are unavailable ({reason}), so the answer ran with process separation and resource "
                  f"limits only. Off: protection of the data directory (history, saved solutions) from writes, of "
                  f"examprep from signals, from network use and from reading the reference's files{leftovers_en}."}


def _reference_locations():
    """Every directory the worker could import `reference` from: on sys.path, and through any
    import hook (an editable install maps it elsewhere)."""
    found = []
    for entry in sys.path:
        candidate = os.path.join(entry or os.getcwd(), "reference")
        if os.path.isdir(candidate):
            found.append(candidate)
    for finder in sys.meta_path:
        try:
            spec = finder.find_spec("reference", None)
        except Exception:  # noqa: BLE001 - a foreign import hook may fail in any way
            continue
        if spec is not None:
            found.extend(spec.submodule_search_locations or [])
            if spec.origin and spec.origin not in ("namespace", "built-in"):
                found.append(os.path.dirname(spec.origin))
    return found


def hidden_paths():
    """What the contained worker must not see: the learner's data, caches, the reference, service sockets."""
    from examprep.common.paths import cache_dir, data_dir

    paths = [str(data_dir()), str(cache_dir())] + _reference_locations()
    paths += ["/run", "/var/run", "/dev/shm", "/tmp/.X11-unix", "/dev/pts"]
    for var in ("XDG_RUNTIME_DIR", "SSH_AUTH_SOCK"):
        value = os.environ.get(var)
        if value:
            paths.append(value if var == "XDG_RUNTIME_DIR" else os.path.dirname(value))
    return paths


def read_only_checks():
    import examprep
    from examprep.common.paths import data_dir

    return [os.path.dirname(os.path.dirname(examprep.__file__)), sys.prefix, os.path.expanduser("~"),
            str(data_dir().parent), os.getcwd()]
