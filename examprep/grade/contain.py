"""Containment of the learner's worker on Linux: namespaces, a read-only file system, no capabilities.

examprep.grade.sandbox starts the worker as
    unshare --user --map-root-user --mount --pid --fork --net --kill-child --mount-proc -- python -m examprep.grade.worker FD SPEC
so the worker is PID 1 of a new PID namespace (it sees no process outside it, so it cannot
signal the CLI; when it dies the kernel kills every process left in it), has a network
namespace with no interfaces, and its own mount namespace. enter(spec), the worker's first
step, then:

1. mounts an empty read-only tmpfs over each path of spec["hide"] (the data directory with the
   learner's history and solutions, the cache, the installed `reference` package, /run and
   the other places that hold sockets to services outside: D-Bus, Docker, X11, ssh-agent);
2. remounts every mount read-only (keeping its nosuid/nodev/noexec flags), so no file outside
   can be written: not the data directory by another path, not examprep's own code;
3. checks that the paths that matter are read-only and hidden;
4. drops every capability (bounding, ambient, effective, permitted, inheritable), locks the
   securebits and sets no_new_privs. Inside the user namespace the worker is uid 0, mapped to
   the user who runs examprep (root in CI): without capabilities it cannot unmount, remount
   or mount anything, and mounts copied into a namespace owned by a less privileged user
   namespace are locked by the kernel (a nested namespace cannot peel them off).

Anything that fails raises Unavailable; the sandbox then runs the worker uncontained and says
which protections are off.
"""
import ctypes
import os
from pathlib import Path

MS_RDONLY, MS_NOSUID, MS_NODEV, MS_NOEXEC = 1, 2, 4, 8
MS_REMOUNT, MS_NOATIME, MS_NODIRATIME, MS_BIND = 32, 1024, 2048, 4096
MS_REC, MS_PRIVATE, MS_RELATIME, MS_STRICTATIME = 16384, 1 << 18, 1 << 21, 1 << 24
FLAG_OPTIONS = {"nosuid": MS_NOSUID, "nodev": MS_NODEV, "noexec": MS_NOEXEC, "noatime": MS_NOATIME,
                "nodiratime": MS_NODIRATIME, "relatime": MS_RELATIME, "strictatime": MS_STRICTATIME}
PR_CAPBSET_DROP, PR_SET_SECUREBITS, PR_SET_NO_NEW_PRIVS, PR_CAP_AMBIENT = 24, 28, 38, 47
PR_CAP_AMBIENT_CLEAR_ALL = 4
SECUREBITS_LOCKED = 0x2f      # NOROOT, NO_SETUID_FIXUP and KEEP_CAPS, each locked
CAPABILITY_VERSION_3 = 0x20080522


class Unavailable(Exception):
    """The containment could not be set up here."""


def _libc():
    libc = ctypes.CDLL(None, use_errno=True)
    libc.mount.argtypes = [ctypes.c_char_p, ctypes.c_char_p, ctypes.c_char_p, ctypes.c_ulong, ctypes.c_char_p]
    return libc


def _check(result, what):
    if result != 0:
        err = ctypes.get_errno()
        raise Unavailable(f"{what}: {os.strerror(err)}")


def _mountinfo():
    """[(mount point, per-mount flags)] of this mount namespace, parents first."""
    mounts = []
    with open("/proc/self/mountinfo", encoding="utf-8", errors="surrogateescape") as f:
        for line in f:
            fields = line.split()
            point = fields[4].encode("latin-1", "surrogateescape").decode("unicode_escape")
            flags = 0
            for option in fields[5].split(","):
                flags |= FLAG_OPTIONS.get(option, 0)
            mounts.append((point, flags))
    return mounts


def enter(spec):
    libc = _libc()
    _check(libc.mount(None, b"/", None, MS_REC | MS_PRIVATE, None), "making mounts private")
    hidden = []
    for path in spec.get("hide", []):
        real = os.path.realpath(path)
        if real in hidden or not os.path.isdir(real):
            continue
        _check(libc.mount(b"tmpfs", real.encode(), b"tmpfs", MS_NOSUID | MS_NODEV | MS_NOEXEC | MS_RDONLY,
                          b"size=4k,mode=0555"), f"hiding {real}")
        hidden.append(real)
    for point, flags in _mountinfo():
        result = libc.mount(None, point.encode("utf-8", "surrogateescape"), None,
                            MS_REMOUNT | MS_BIND | MS_RDONLY | flags, None)
        if result != 0 and os.path.exists(point):
            err = ctypes.get_errno()
            if not _read_only(point):
                raise Unavailable(f"making {point} read-only: {os.strerror(err)}")
    for path in spec.get("check_read_only", []) + ["/"]:
        if os.path.exists(path) and not _read_only(path):
            raise Unavailable(f"{path} is still writable")
    for path in hidden:
        if os.listdir(path):
            raise Unavailable(f"{path} is still visible")
    drop_capabilities(libc)


def _read_only(path):
    return bool(os.statvfs(path).f_flag & os.ST_RDONLY)


class _CapHeader(ctypes.Structure):
    _fields_ = [("version", ctypes.c_uint32), ("pid", ctypes.c_int)]


class _CapData(ctypes.Structure):
    _fields_ = [("effective", ctypes.c_uint32), ("permitted", ctypes.c_uint32), ("inheritable", ctypes.c_uint32)]


def drop_capabilities(libc=None):
    libc = libc or _libc()
    _check(libc.prctl(PR_SET_SECUREBITS, SECUREBITS_LOCKED, 0, 0, 0), "locking securebits")
    for cap in range(64):
        if libc.prctl(PR_CAPBSET_DROP, cap, 0, 0, 0) != 0:
            break  # EINVAL: past the last capability this kernel knows
    libc.prctl(PR_CAP_AMBIENT, PR_CAP_AMBIENT_CLEAR_ALL, 0, 0, 0)
    header = _CapHeader(CAPABILITY_VERSION_3, 0)
    data = (_CapData * 2)()
    _check(libc.capset(ctypes.byref(header), data), "dropping capabilities")
    _check(libc.prctl(PR_SET_NO_NEW_PRIVS, 1, 0, 0, 0), "setting no_new_privs")
    status = Path("/proc/self/status").read_text()
    for key in ("CapEff", "CapPrm", "CapInh", "CapBnd", "CapAmb"):
        line = next((l for l in status.splitlines() if l.startswith(key + ":")), None)
        if line is None or int(line.split()[1], 16) != 0:
            raise Unavailable(f"{key} is not empty after dropping capabilities")


# --- no new processes: a seccomp filter for the grading child ------------------------------

AUDIT_ARCH = {"x86_64": 0xC000003E, "aarch64": 0xC00000B7}
SYSCALLS = {"x86_64": {"clone": 56, "fork": 57, "vfork": 58, "clone3": 435},
            "aarch64": {"clone": 220, "clone3": 435}}
CLONE_THREAD = 0x00010000
SECCOMP_RET_ALLOW, SECCOMP_RET_ERRNO = 0x7FFF0000, 0x00050000
EPERM, ENOSYS = 1, 38
PR_SET_SECCOMP, SECCOMP_MODE_FILTER = 22, 2
BPF_LD_W_ABS, BPF_JEQ_K, BPF_JGE_K, BPF_JSET_K, BPF_RET_K = 0x20, 0x15, 0x35, 0x45, 0x06


class _SockFilter(ctypes.Structure):
    _fields_ = [("code", ctypes.c_ushort), ("jt", ctypes.c_ubyte), ("jf", ctypes.c_ubyte), ("k", ctypes.c_uint32)]


class _SockFprog(ctypes.Structure):
    _fields_ = [("len", ctypes.c_ushort), ("filter", ctypes.POINTER(_SockFilter))]


def _fork_filter(machine):
    """BPF: fork, vfork and clone without CLONE_THREAD fail with EPERM; clone3 with ENOSYS (so
    threads fall back to clone); any other architecture's system calls fail with EPERM."""
    nr = SYSCALLS[machine]
    allow, deny, nosys = [(BPF_RET_K, 0, 0, SECCOMP_RET_ALLOW)], [(BPF_RET_K, 0, 0, SECCOMP_RET_ERRNO | EPERM)], \
        [(BPF_RET_K, 0, 0, SECCOMP_RET_ERRNO | ENOSYS)]
    # Layout: [checks..., allow, deny, nosys, clone-flags check]; jumps are counted from the next instruction.
    body = [(BPF_LD_W_ABS, 0, 0, 4)]                  # arch
    body.append((BPF_JEQ_K, 1, 0, AUDIT_ARCH[machine]))
    body.append(("to", "deny"))
    body.append((BPF_LD_W_ABS, 0, 0, 0))              # syscall number
    if machine == "x86_64":
        body.append((BPF_JGE_K, 0, 1, 0x40000000))    # the x32 ABI
        body.append(("to", "deny"))
    for name in ("fork", "vfork"):
        if name in nr:
            body.append((BPF_JEQ_K, 0, 1, nr[name]))
            body.append(("to", "deny"))
    body.append((BPF_JEQ_K, 0, 1, nr["clone3"]))
    body.append(("to", "nosys"))
    body.append((BPF_JEQ_K, 0, 1, nr["clone"]))
    body.append(("to", "flags"))
    body.append(("to", "allow"))
    labels = {}
    tail = [("allow", allow), ("deny", deny), ("nosys", nosys),
            ("flags", [(BPF_LD_W_ABS, 0, 0, 16), (BPF_JSET_K, 0, 1, CLONE_THREAD)] + allow + deny)]
    position = len(body)
    for name, code in tail:
        labels[name] = position
        position += len(code)
    program = []
    for i, ins in enumerate(body):
        if ins[0] == "to":
            program.append((0x05, 0, 0, labels[ins[1]] - i - 1))  # BPF_JMP | BPF_JA
        else:
            program.append(ins)
    for _, code in tail:
        program.extend(code)
    return program


def forbid_new_processes():
    """In the grading child (Linux, x86_64 / aarch64): no fork, vfork or process clone from now
    on, threads still allowed. Returns whether the filter is installed."""
    import platform

    machine = platform.machine().lower()
    machine = {"amd64": "x86_64", "arm64": "aarch64"}.get(machine, machine)
    if machine not in SYSCALLS:
        return False
    libc = _libc()
    program = _fork_filter(machine)
    filters = (_SockFilter * len(program))(*[_SockFilter(*ins) for ins in program])
    prog = _SockFprog(len(program), filters)
    if libc.prctl(PR_SET_NO_NEW_PRIVS, 1, 0, 0, 0) != 0:
        return False
    return libc.prctl(PR_SET_SECCOMP, SECCOMP_MODE_FILTER, ctypes.byref(prog), 0, 0) == 0
