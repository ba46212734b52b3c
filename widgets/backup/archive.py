"""Gather a learner's files into one zip archive (plain Python).

The archive holds what is saved on disk, so the view reminds the learner to
save first. Hidden folders (.ipynb_checkpoints) are left out, and so are
files too big to travel through a browser download link.
"""

from __future__ import annotations

import io
import re
import zipfile
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path

MAX_FILE_BYTES = 20_000_000
MAX_ARCHIVE_BYTES = 40_000_000
_MODULE_NOTEBOOK = re.compile(r"^\d\d-[a-z0-9-]+$")


@dataclass(frozen=True)
class Archive:
    filename: str
    content: bytes
    files: tuple[Path, ...]
    skipped: tuple[Path, ...]


class ArchiveTooLarge(Exception):
    """The work is too big for a one-click download."""


def find_course_folder(start: Path) -> Path:
    """The folder holding the module folders (NN-slug/NN-slug.ipynb).

    A notebook's kernel starts in the notebook's own folder, so the course
    folder is usually its parent. Falls back to `start`.
    """
    for candidate in (start, *list(start.parents)[:2]):
        for child in candidate.iterdir() if candidate.is_dir() else ():
            if _MODULE_NOTEBOOK.match(child.name) and (child / f"{child.name}.ipynb").is_file():
                return candidate
    return start


def collect_files(folder: Path) -> tuple[list[Path], list[Path]]:
    """Files to archive and files skipped because they are too big."""
    kept: list[Path] = []
    skipped: list[Path] = []
    for path in sorted(folder.rglob("*")):
        relative = path.relative_to(folder)
        if any(part.startswith(".") or part == "__pycache__" for part in relative.parts):
            continue
        if not path.is_file():
            continue
        (kept if path.stat().st_size <= MAX_FILE_BYTES else skipped).append(path)
    return kept, skipped


def build_archive(folder: Path, now: datetime | None = None) -> Archive:
    """Zip every kept file of `folder` under a dated name."""
    now = now or datetime.now()
    files, skipped = collect_files(folder)
    if sum(path.stat().st_size for path in files) > MAX_ARCHIVE_BYTES:
        raise ArchiveTooLarge
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", compression=zipfile.ZIP_DEFLATED) as archive:
        for path in files:
            archive.write(path, Path("atelier-ia") / path.relative_to(folder))
    filename = f"atelier-ia-mon-travail-{now:%Y-%m-%d-%Hh%M}.zip"
    return Archive(filename, buffer.getvalue(), tuple(files), tuple(skipped))
