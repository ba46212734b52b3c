"""A graded kernel without bubblewrap: ipykernel behind a Python audit hook.

The fallback of `sandbox` (see its docstring), started as
`python -m curriculum.grading.guarded_kernel -f CONNECTION_FILE`. Before
ipykernel is loaded, it keeps only the environment `sandbox` chose, then
installs an audit hook (PEP 578) that refuses, with a French PermissionError:
network sockets, new processes, and any file opened, created, renamed or
removed outside the scratch folder and Python's own read-only folders —
so neither the class folder (other learners, results) nor the trainer's
files. The kernel's own ZeroMQ sockets are made in C and are not affected.

An audit hook is not a wall: code that loads C functions through ctypes can
step round it, which is why results graded this way are marked « correction
sans isolement complet ».
"""

from __future__ import annotations

import os
import sys
from pathlib import Path

_REFUSED_EVENTS = (
    "socket.connect",
    "socket.bind",
    "socket.sendto",
    "socket.sendmsg",
    "socket.getaddrinfo",
    "socket.gethostbyname",
    "subprocess.Popen",
    "os.system",
    "os.exec",
    "os.posix_spawn",
    "os.spawn",
    "os.fork",
    "os.forkpty",
    "pty.spawn",
    "os.kill",
    "os.killpg",
)
_PATH_EVENTS = {
    "os.remove": 0,
    "os.rename": 0,
    "os.replace": 0,
    "os.rmdir": 0,
    "os.mkdir": 0,
    "os.chmod": 0,
    "os.chown": 0,
    "os.symlink": 1,
    "os.link": 1,
    "os.truncate": 0,
    "os.utime": 0,
    "shutil.rmtree": 0,
    "os.listdir": 0,
    "os.scandir": 0,
}


def _refuse(what: str) -> PermissionError:
    return PermissionError(f"Correction : {what} est interdit au code corrigé.")


def install(scratch: Path, readable: list[Path], forbidden: Path | None) -> None:
    """Install the hook: writes only under `scratch`; reads also under `readable`,
    never under `forbidden` (the class folder) except in `scratch`."""
    scratch_root = os.path.realpath(scratch)
    readable_roots = [os.path.realpath(folder) for folder in readable]
    forbidden_root = os.path.realpath(forbidden) if forbidden else None

    def under(real: str, root: str) -> bool:
        return real == root or real.startswith(root + os.sep)

    def allowed(path: object, writing: bool) -> bool:
        if isinstance(path, int):
            return True  # an already open file descriptor
        try:
            real = os.path.realpath(os.fsdecode(path))
        except (TypeError, ValueError):
            return False
        if under(real, scratch_root):
            return True
        if writing or (forbidden_root and under(real, forbidden_root)):
            return False
        return any(under(real, root) for root in readable_roots)

    def hook(event: str, arguments: tuple) -> None:
        if event in _REFUSED_EVENTS:
            raise _refuse("l'accès au réseau ou le lancement d'un programme")
        if event == "open":
            mode = str(arguments[1] or "r") if len(arguments) > 1 else "r"
            flags = arguments[2] if len(arguments) > 2 and isinstance(arguments[2], int) else 0
            writing = any(letter in mode for letter in "wax+") or bool(
                flags & (os.O_WRONLY | os.O_RDWR | os.O_CREAT)
            )
            if not allowed(arguments[0], writing):
                raise _refuse("ce fichier")
        elif event in _PATH_EVENTS:
            target = arguments[_PATH_EVENTS[event]] if arguments else "."
            reading = event in ("os.listdir", "os.scandir")
            if not allowed("." if target is None else target, not reading):
                raise _refuse("ce dossier ou ce fichier")

    sys.addaudithook(hook)


def main() -> None:
    scratch = Path(os.environ["ATELIER_ESPACE_CORRECTION"])
    forbidden = os.environ.get("ATELIER_CLASSE_INTERDITE") or None
    import widgets  # imported before the hook: the course's code stays readable
    from curriculum.grading.sandbox import ETC_FILES

    readable = [Path(sys.prefix), Path(sys.base_prefix), Path("/usr")]
    readable += [Path(name) for name in ETC_FILES]
    readable += [Path("/proc/self"), Path("/dev/null"), Path("/dev/urandom")]
    readable += [Path(widgets.__file__).parent]
    readable += [Path(folder) for folder in sys.path if folder and Path(folder).is_dir()]
    os.chdir(scratch)
    from ipykernel import kernelapp

    connection_file = sys.argv[sys.argv.index("-f") + 1]
    readable.append(Path(connection_file).parent)
    install(scratch, readable, Path(forbidden) if forbidden else None)
    kernelapp.launch_new_instance(argv=["-f", connection_file])


if __name__ == "__main__":
    main()
