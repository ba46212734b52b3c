"""Gather a learner's files into one zip archive (plain Python).

The archive holds what is saved on disk, so the view reminds the learner to
save first. Hidden folders (.ipynb_checkpoints) are left out, and so are
files too big to travel through a browser download link.
"""

from __future__ import annotations

import io
import os
import re
import zipfile
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path

from widgets.errors import AtelierError
from widgets.text import printable

MAX_FILE_BYTES = 20_000_000
MAX_ARCHIVE_BYTES = 40_000_000
_MODULE_NOTEBOOK = re.compile(r"^\d\d-[a-z0-9-]+$")


@dataclass(frozen=True)
class Archive:
    filename: str
    content: bytes
    files: tuple[Path, ...]
    skipped: tuple[Path, ...]


class ArchiveTooLarge(AtelierError):
    """The work is too big for a one-click download."""

    def __init__(self) -> None:
        super().__init__("Votre travail est trop volumineux pour un seul téléchargement.")


def course_path(value: object) -> Path:
    """A folder given as a path or as text, or a French `AtelierError`."""
    text = os.fspath(value) if isinstance(value, str | os.PathLike) else None
    if not isinstance(text, str) or "\0" in text or not _encodable(text):
        raise AtelierError(
            "Le dossier s'indique par son chemin, entre guillemets, par exemple "
            '"01-prise-en-main".'
        )
    return Path(text)


def _encodable(path: str) -> bool:
    """False for a lone surrogate the file system cannot take (a broken emoji pasted)."""
    try:
        os.fsencode(path)
    except UnicodeEncodeError:
        return False
    return True


def find_course_folder(start: Path | str) -> Path:
    """The folder holding the module folders (NN-slug/NN-slug.ipynb).

    A notebook's kernel starts in the notebook's own folder, so the course
    folder is usually its parent. Falls back to `start`; a folder that
    cannot be read is passed over.
    """
    start = course_path(start)
    for candidate in (start, *list(start.parents)[:2]):
        try:
            children = list(candidate.iterdir()) if candidate.is_dir() else []
        except OSError:
            continue
        for child in children:
            if _MODULE_NOTEBOOK.match(child.name) and (child / f"{child.name}.ipynb").is_file():
                return candidate
    return start


def _hidden(name: str) -> bool:
    return name.startswith(".") or name == "__pycache__"


def collect_files(folder: Path) -> tuple[list[Path], list[Path]]:
    """Files to archive and files skipped because they are too big, each list sorted.

    Raises `ArchiveTooLarge` as soon as the kept files pass MAX_ARCHIVE_BYTES,
    so that a folder far too big (a whole disk) is not walked to the end.
    """
    kept: list[Path] = []
    skipped: list[Path] = []
    total = 0
    for root, folders, names in os.walk(folder):
        folders[:] = [name for name in folders if not _hidden(name)]
        for name in names:
            path = Path(root, name)
            if _hidden(name) or not path.is_file():
                continue
            size = path.stat().st_size
            if size > MAX_FILE_BYTES:
                skipped.append(path)
                continue
            total += size
            if total > MAX_ARCHIVE_BYTES:
                raise ArchiveTooLarge
            kept.append(path)
    return sorted(kept), sorted(skipped)


def build_archive(folder: Path | str, now: datetime | None = None) -> Archive:
    """Zip every kept file of `folder` under a dated name."""
    now = now or datetime.now()
    folder = course_path(folder)
    files, skipped = collect_files(folder)
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", compression=zipfile.ZIP_DEFLATED) as archive:
        for path in files:
            # A name the file system could not decode holds lone surrogates: zip needs UTF-8.
            name = printable(str(Path("atelier-ia") / path.relative_to(folder)))
            archive.write(path, name)
    filename = f"atelier-ia-mon-travail-{now:%Y-%m-%d-%Hh%M}.zip"
    return Archive(filename, buffer.getvalue(), tuple(files), tuple(skipped))
