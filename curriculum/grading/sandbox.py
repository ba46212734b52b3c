"""Where a learner's code runs while it is graded: a kernel in a bubblewrap sandbox.

Code handed in by a learner is untrusted. Each graded notebook gets its own
kernel, started by `bwrap` (Debian's bubblewrap) with:

- no network at all (`--unshare-net`: not even loopback);
- the system, Python and the course's `widgets/` package mounted read-only,
  and nothing else of the machine: not the class folder (other learners'
  notebooks, the results), not `solutions/`, not the trainer's home;
- one writable folder, the notebook's scratch folder, which is also its
  working directory and its HOME; a small in-memory /tmp;
- its own process tree (`--unshare-pid`, so it cannot see or signal the
  trainer's processes, nor read their environment), no capabilities, a new
  session, and it dies with the grader;
- a clean environment (no API key or token of the trainer's session);
- `prlimit`: a memory ceiling (address space) and a file-size ceiling.

The kernel talks to the grader through Unix sockets (ZeroMQ `ipc`) in a
runtime folder mounted at the same path inside and outside.

Where bubblewrap is missing or cannot run (some containers forbid the
namespaces it needs), grading falls back to a « guarded » kernel: the same
clean environment and limits, plus a Python audit hook (`guarded_kernel`)
that refuses sockets, subprocesses and file access outside the scratch
folder. An audit hook can be bypassed by code that really tries (ctypes), so
such results are marked « correction sans isolement complet ».
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import sysconfig
from dataclasses import dataclass
from pathlib import Path

import widgets

BWRAP = "bwrap"
PRLIMIT = "prlimit"
KERNEL_TMP_MB = 64
MAX_FILE_MB = 64
ETC_FILES = (
    "/etc/ld.so.cache",
    "/etc/ld.so.conf",
    "/etc/localtime",
    "/etc/nsswitch.conf",
    "/etc/passwd",
    "/etc/group",
    "/etc/mime.types",
)
"""The few files of /etc a Python kernel reads; never all of /etc (shadow, keys)."""


class SandboxError(Exception):
    """The sandbox cannot be set up; the message is French."""


@dataclass(frozen=True)
class Sandbox:
    """How graded kernels are isolated on this machine."""

    isolated: bool
    """True with bubblewrap; False for the guarded fallback."""
    reason: str = ""
    """For the fallback: why bubblewrap could not be used (French)."""
    memory_mb: int = 2048

    def kernel_argv(self, scratch: Path, runtime: Path) -> list[str]:
        """The command that starts one graded kernel (`{connection_file}` left for Jupyter)."""
        kernel = [sys.executable, "-m", "curriculum.grading.guarded_kernel"]
        if self.isolated:
            kernel = [sys.executable, "-m", "ipykernel_launcher"]
            kernel = [*bwrap_arguments(scratch, runtime), *kernel]
        kernel += ["-f", "{connection_file}"]
        return [*self._limits(), *kernel]

    def _limits(self) -> list[str]:
        if shutil.which(PRLIMIT) is None:
            return []
        memory = self.memory_mb * 1024 * 1024
        return [PRLIMIT, f"--as={memory}", f"--fsize={MAX_FILE_MB * 1024 * 1024}", "--"]


def kernel_environment(scratch: Path, protected: Path | None = None) -> dict[str, str]:
    """The whole environment of a graded kernel: nothing inherited from the trainer's.

    `protected` (the class folder) is what the guarded fallback must not read.
    """
    environment = {
        "PATH": f"{Path(sys.executable).parent}:/usr/bin:/bin",
        "HOME": str(scratch),
        "LANG": "C.UTF-8",
        "PYTHONDONTWRITEBYTECODE": "1",
        "PYTHONNOUSERSITE": "1",
        "MPLBACKEND": "Agg",
        "MPLCONFIGDIR": str(scratch / ".matplotlib"),
        "IPYTHONDIR": str(scratch / ".ipython"),
        "JUPYTER_CONFIG_DIR": str(scratch / ".jupyter"),
        "JUPYTER_DATA_DIR": str(scratch / ".jupyter-data"),
        "OPENBLAS_NUM_THREADS": "1",
        "OMP_NUM_THREADS": "1",
        "MKL_NUM_THREADS": "1",
        "NBGRADER_EXECUTION": "autograde",
        "ATELIER_ESPACE_CORRECTION": str(scratch),
    }
    if protected is not None:
        environment["ATELIER_CLASSE_INTERDITE"] = str(protected)
    return environment


def bwrap_arguments(scratch: Path, runtime: Path) -> list[str]:
    """bubblewrap's options: what the kernel sees of the machine (see the module docstring)."""
    arguments = [
        BWRAP,
        "--unshare-net",
        "--unshare-pid",
        "--unshare-ipc",
        "--unshare-uts",
        "--unshare-cgroup-try",
        "--die-with-parent",
        "--new-session",
        "--cap-drop",
        "ALL",
        "--proc",
        "/proc",
        "--dev",
        "/dev",
        "--size",
        str(KERNEL_TMP_MB * 1024 * 1024),
        "--tmpfs",
        "/tmp",
    ]
    for folder in ("/usr", *_python_folders(), str(Path(widgets.__file__).resolve().parent)):
        arguments += ["--ro-bind", folder, folder]
    for name in ("/bin", "/lib", "/lib64", "/sbin"):
        path = Path(name)
        if path.is_symlink():
            arguments += ["--symlink", os.readlink(path), name]
        elif path.is_dir():
            arguments += ["--ro-bind", name, name]
    for name in ETC_FILES:
        if Path(name).exists():
            arguments += ["--ro-bind", name, name]
    for folder in (scratch, runtime):
        arguments += ["--bind", str(folder), str(folder)]
    return [*arguments, "--chdir", str(scratch), "--clearenv", *_setenv(scratch)]


def _setenv(scratch: Path) -> list[str]:
    pairs = kernel_environment(scratch).items()
    return [part for name, value in pairs for part in ("--setenv", name, value)]


def _python_folders() -> list[str]:
    """The virtual environment and the Python it was made from (real paths, outside /usr)."""
    folders = {
        sys.prefix,
        sys.base_prefix,
        str(Path(sys.executable).resolve().parent.parent),
        sysconfig.get_paths()["purelib"],
    }
    real = {str(Path(folder).resolve()) for folder in folders}
    outside_usr = sorted(folder for folder in real if not folder.startswith("/usr/"))
    return [
        folder
        for folder in outside_usr
        if not any(folder.startswith(other + "/") for other in outside_usr)
    ]


def find_sandbox(memory_mb: int = 2048, *, allow_bwrap: bool = True) -> Sandbox:
    """bubblewrap if it is installed and works here; else the guarded fallback, saying why."""
    if not allow_bwrap:
        return Sandbox(False, "l'isolement par bubblewrap a été désactivé.", memory_mb)
    if shutil.which(BWRAP) is None:
        return Sandbox(
            False,
            "bubblewrap (la commande bwrap) n'est pas installé sur cette machine "
            "(sous Debian ou Ubuntu : sudo apt install bubblewrap).",
            memory_mb,
        )
    probe = Path(os.environ.get("TMPDIR", "/tmp"))
    command = [*bwrap_arguments(probe, probe), sys.executable, "-c", "pass"]
    try:
        done = subprocess.run(command, capture_output=True, text=True, timeout=30, check=False)
    except (OSError, subprocess.SubprocessError) as error:
        return Sandbox(False, f"bubblewrap ne démarre pas ({error}).", memory_mb)
    if done.returncode != 0:
        detail = (done.stderr.strip().splitlines() or ["sans message"])[-1]
        return Sandbox(
            False,
            "bubblewrap ne peut pas créer de bac à sable sur cette machine "
            f"(souvent dans un conteneur qui interdit les espaces de noms) : {detail}",
            memory_mb,
        )
    return Sandbox(True, "", memory_mb)
