"""Reading what a trainer received (a folder or a zip), without changing it.

A zip is read in memory, member by member, never extracted: a member named
`../x` cannot land anywhere. Every file is read under a size cap, and the
total too, so a zip bomb or a stray video costs a refusal, not the memory.
"""

from __future__ import annotations

import os
import re
import stat
import zipfile
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import datetime
from pathlib import Path
from typing import BinaryIO

from curriculum.grading.names import readable
from widgets.errors import AtelierError, os_reason
from widgets.french import format_size

MAX_FILE_BYTES = 20_000_000
MAX_TOTAL_BYTES = 500_000_000
_IGNORED_FOLDERS = {"__macosx", ".ipynb_checkpoints"}
_SYSTEM_FILES = {"thumbs.db", "desktop.ini"}


class CollectError(AtelierError):
    """SOURCE or the class folder cannot be used at all; the message says why, in French."""


@dataclass
class Found:
    """One file of SOURCE: its bytes, or why they were not read."""

    name: str
    """Its path inside SOURCE, as the trainer's file manager shows it."""
    data: bytes | None
    date: float
    problem: str = ""
    ignored: bool = False


@dataclass
class _Reader:
    """Reads files under the size caps, counting the total."""

    max_file: int
    max_total: int
    total: int = 0
    found: list[Found] = field(default_factory=list)

    def add(self, name: str, date: float, size: int, open_stream: Callable[[], BinaryIO]) -> None:
        """Read one file; `open_stream()` opens it (it may raise)."""
        problem = self._too_big(size)
        data = None
        if not problem:
            try:
                with open_stream() as stream:
                    data = stream.read(self.max_file + 1)
            except Exception as error:  # zip members fail in many ways: see _unreadable
                problem = _unreadable(error)
            if data is not None and (problem := self._too_big(len(data))):
                data = None
        self.total += len(data or b"")
        self.found.append(Found(name, data, date, problem, ignored=_is_ignored(name)))

    def _too_big(self, size: int) -> str:
        if size > self.max_file:
            return (
                f"fichier trop gros ({format_size(size)}, limite {format_size(self.max_file)}) : "
                "un notebook de ce cours pèse bien moins ; il n'a pas été lu"
            )
        if self.total + size > self.max_total:
            return (
                f"non lu : les fichiers reçus dépassent {format_size(self.max_total)} au total ; "
                "collectez-les en plusieurs fois"
            )
        return ""


def _read_folder(source: Path, reader: _Reader) -> None:
    try:
        os.listdir(source)
    except OSError as error:
        raise CollectError(
            f"Le dossier « {readable(str(source))} » est illisible ({os_reason(error)})."
        ) from None
    problems: list[OSError] = []
    for folder, dirs, files in os.walk(source, onerror=problems.append):
        relative = Path(folder).relative_to(source)
        dirs.sort()
        for name in [d for d in dirs if _is_ignored(d)]:
            dirs.remove(name)
            reader.found.append(Found(readable(str(relative / name)) + "/", None, 0, ignored=True))
        for name in sorted(files):
            path = Path(folder) / name
            shown = readable(str(relative / name))
            try:
                status = path.stat()
            except OSError as error:
                reader.found.append(Found(shown, None, 0, _unreadable(error)))
                continue
            if not stat.S_ISREG(status.st_mode):
                reader.found.append(Found(shown, None, 0, "pas un fichier ordinaire : non lu"))
                continue
            reader.add(shown, status.st_mtime, status.st_size, lambda path=path: path.open("rb"))
    for error in problems:
        shown = readable(os.path.relpath(error.filename or "", source)) + "/"
        reader.found.append(Found(shown, None, 0, f"dossier illisible ({os_reason(error)})"))


def _read_zip(source: Path, reader: _Reader) -> None:
    try:
        archive = zipfile.ZipFile(source)
    except Exception:  # BadZipFile, OSError, a name that is not UTF-8 despite its flag...
        raise CollectError(
            f"L'archive « {readable(str(source))} » est abîmée : "
            "ouvrez-la sur votre ordinateur ou demandez-la à nouveau."
        ) from None
    with archive:
        for info in archive.infolist():
            if info.is_dir():
                continue
            name = _zip_name(info)
            reader.add(name, _zip_date(info), info.file_size, lambda i=info: archive.open(i))


def _zip_name(info: zipfile.ZipInfo) -> str:
    """A member's name; zips made without the UTF-8 flag often hold UTF-8 names anyway."""
    if info.flag_bits & 0x800 or info.filename.isascii():
        return info.filename
    try:
        return info.filename.encode("cp437").decode("utf-8")
    except UnicodeError:
        return info.filename


def _zip_date(info: zipfile.ZipInfo) -> float:
    try:
        return datetime(*info.date_time).timestamp()
    except (ValueError, OverflowError, OSError):
        return 0.0


def _is_ignored(name: str) -> bool:
    parts = [part for part in re.split(r"[/\\]", name) if part not in ("", ".", "..")]
    return any(
        part.lower() in _IGNORED_FOLDERS or part.startswith(".") or part.lower() in _SYSTEM_FILES
        for part in parts
    )


def _unreadable(error: Exception) -> str:
    if isinstance(error, RuntimeError) and "password" in str(error):
        return "illisible : protégé par un mot de passe"
    if isinstance(error, OSError) and error.errno:
        return f"illisible ({os_reason(error)})"
    return "illisible : l'archive est abîmée à cet endroit"


def read_source(
    source: Path, max_file: int = MAX_FILE_BYTES, max_total: int = MAX_TOTAL_BYTES
) -> list[Found]:
    """Every file of `source` (a folder or a zip), in a stable order."""
    reader = _Reader(max_file, max_total)
    if Path(source).is_dir():
        _read_folder(Path(source), reader)
    else:
        _read_zip(Path(source), reader)
    return sorted(reader.found, key=lambda found: found.name)
