"""The gallery of town-hall tasks: a vague prompt and a structured one for each.

The texts live in `gallery.toml`, beside this file, so that a trainer can
edit them without touching code; they are read once, from the package
(never from the working directory). A mistake in that file is reported in
French, naming the task.
"""

from __future__ import annotations

import tomllib
from dataclasses import dataclass
from functools import cache
from importlib import resources

from widgets.errors import AtelierError
from widgets.prompts.fields import FIELD_NAMES, PromptFields


class GalleryError(AtelierError):
    """A task of the gallery is unknown, or written wrongly in gallery.toml."""


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
    text = resources.files("widgets.prompts").joinpath("gallery.toml").read_text("utf-8")
    try:
        entries = tomllib.loads(text)["tasks"]
    except tomllib.TOMLDecodeError as error:
        raise GalleryError(f"Le fichier gallery.toml est mal écrit ({error}).") from None
    return tuple(_task(entry) for entry in entries)


def task(task_id: str) -> GalleryTask:
    """One task by its id; the error names the known ids."""
    for entry in gallery():
        if entry.id == task_id:
            return entry
    known = ", ".join(entry.id for entry in gallery())
    raise GalleryError(f"La galerie n'a pas de tâche « {task_id} ». Tâches connues : {known}.")


def _task(entry: dict) -> GalleryTask:
    unknown = set(entry["fields"]) - set(FIELD_NAMES)
    if unknown:
        raise GalleryError(
            f"Dans gallery.toml, la tâche « {entry['id']} » a des champs inconnus : "
            f"{', '.join(sorted(unknown))} (champs possibles : {', '.join(FIELD_NAMES)})."
        )
    return GalleryTask(
        id=entry["id"],
        title=entry["title"],
        vague=entry["vague"],
        fields=PromptFields.from_mapping(entry["fields"]),
        needs=tuple(entry["needs"]),
    )
