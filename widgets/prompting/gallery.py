"""The gallery of town-hall tasks: a vague prompt and a structured one for each.

The texts live in `gallery.toml`, beside this file, so that a trainer can
edit them without touching code; they are read once, from the package
(never from the working directory).
"""

from __future__ import annotations

import tomllib
from dataclasses import dataclass
from functools import cache
from importlib import resources

from widgets.prompting.fields import FIELD_NAMES, PromptFields


@dataclass(frozen=True)
class GalleryTask:
    """One task of the week at the town hall."""

    id: str
    title: str
    vague: str
    fields: PromptFields
    needs: tuple[str, ...]


@cache
def gallery() -> tuple[GalleryTask, ...]:
    """The tasks, in the order of the file."""
    text = resources.files("widgets.prompting").joinpath("gallery.toml").read_text("utf-8")
    return tuple(_task(entry) for entry in tomllib.loads(text)["tasks"])


def task(task_id: str) -> GalleryTask:
    """One task by its id; KeyError names the known ids."""
    for entry in gallery():
        if entry.id == task_id:
            return entry
    known = ", ".join(entry.id for entry in gallery())
    raise KeyError(f"unknown gallery task {task_id!r}; known: {known}")


def _task(entry: dict) -> GalleryTask:
    unknown = set(entry["fields"]) - set(FIELD_NAMES)
    if unknown:
        raise ValueError(f"gallery task {entry['id']}: unknown fields {sorted(unknown)}")
    return GalleryTask(
        id=entry["id"],
        title=entry["title"],
        vague=entry["vague"],
        fields=PromptFields.from_mapping(entry["fields"]),
        needs=tuple(entry["needs"]),
    )
