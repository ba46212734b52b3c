"""Where things live in a course directory."""

from __future__ import annotations

from pathlib import Path

CONFIG_FILE = "nbgrader_config.py"
SOURCE_DIR = "solutions"
RELEASE_DIR = "notebooks"


def find_course_root(start: Path) -> Path | None:
    """The nearest folder, from `start` upwards, that holds nbgrader_config.py."""
    start = start.resolve()
    return next(
        (folder for folder in (start, *start.parents) if (folder / CONFIG_FILE).is_file()),
        None,
    )


def module_notebooks(course_root: Path) -> list[tuple[str, Path]]:
    """Every module notebook, instructor and learner versions: (name shown, path)."""
    return [
        (f"{folder}/{path.parent.name}/{path.name}", path)
        for folder in (SOURCE_DIR, RELEASE_DIR)
        for path in sorted((Path(course_root) / folder).glob("*/*.ipynb"))
    ]


def course_file(course_root: Path | None, name: str) -> Path | None:
    """The course's own `curriculum/<name>` if it has one, else None (use the packaged one)."""
    if course_root is None:
        return None
    candidate = Path(course_root) / "curriculum" / name
    return candidate if candidate.is_file() else None
