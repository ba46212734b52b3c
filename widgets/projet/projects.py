"""The described AI projects of Clairval-sur-Ondine, with the level a careful reader gives them.

They are hand-written in `sources/projets.toml`, independently of the engine:
the tests compare `risk.classify` with them, and the lesson builds its
« place these projects » exercises from them.
"""

from __future__ import annotations

import tomllib
from dataclasses import dataclass
from importlib import resources


@dataclass(frozen=True)
class Project:
    id: str
    title: str
    description: str
    answers: dict[str, str]
    level: str
    annex_point: str | None
    uncertain: bool
    why: str
    """The model answer: why this level, in one or two French sentences."""


def _load() -> tuple[Project, ...]:
    source = resources.files("widgets.projet").joinpath("sources", "projets.toml")
    data = tomllib.loads(source.read_text("utf-8"))
    return tuple(
        Project(
            id=entry["id"],
            title=entry["titre"],
            description=entry["description"],
            answers={**data["defauts"], **entry["reponses"]},
            level=entry["niveau"],
            annex_point=entry.get("point"),
            uncertain=entry.get("incertain", False),
            why=entry["pourquoi"],
        )
        for entry in data["projets"]
    )


PROJECTS: tuple[Project, ...] = _load()
PROJECTS_BY_ID: dict[str, Project] = {project.id: project for project in PROJECTS}
