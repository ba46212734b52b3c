"""The trainer guides as dataclasses: what `curriculum.guides` reads from the TOML files."""

from __future__ import annotations

from dataclasses import dataclass, field


@dataclass(frozen=True)
class Stage:
    """One line of a module's running order."""

    minutes: int
    title: str
    what: str
    facts: tuple[str, ...] = ()


@dataclass(frozen=True)
class Question:
    question: str
    answer: str
    facts: tuple[str, ...] = ()


@dataclass(frozen=True)
class Trap:
    trap: str
    remedy: str
    facts: tuple[str, ...] = ()


@dataclass(frozen=True)
class Debrief:
    exercise: str
    how: str


@dataclass(frozen=True)
class ModuleGuide:
    file: str
    module: str
    summary: str
    prepare: tuple[str, ...]
    key_messages: tuple[str, ...]
    offline: str
    running_order: tuple[Stage, ...]
    questions: tuple[Question, ...]
    traps: tuple[Trap, ...]
    debriefs: tuple[Debrief, ...]
    facts: tuple[str, ...] = ()

    def fact_ids(self) -> list[str]:
        """Every fact the guide cites, in order of first appearance."""
        cited = [*self.facts]
        for item in (*self.running_order, *self.questions, *self.traps):
            cited += item.facts
        return list(dict.fromkeys(cited))


@dataclass(frozen=True)
class PathStep:
    """A module (or an activity) of a path, with what to show; an optional break after it."""

    module: str | None
    activity: str | None
    minutes: int
    show: str
    pause: str = ""
    pause_minutes: int = 0
    facts: tuple[str, ...] = ()


@dataclass(frozen=True)
class PathGuide:
    file: str
    path: str
    view: str
    summary: str
    before: tuple[str, ...]
    handouts: tuple[str, ...]
    steps: tuple[PathStep, ...]
    start: str = ""

    def fact_ids(self) -> list[str]:
        return list(dict.fromkeys(fact for step in self.steps for fact in step.facts))


@dataclass(frozen=True)
class RoomGuide:
    file: str
    traps: tuple[Trap, ...]

    def fact_ids(self) -> list[str]:
        return list(dict.fromkeys(fact for trap in self.traps for fact in trap.facts))


@dataclass
class Guides:
    """Every guide of a course, by id, and the problems met while reading them."""

    modules: dict[str, ModuleGuide] = field(default_factory=dict)
    paths: dict[str, PathGuide] = field(default_factory=dict)
    room: RoomGuide | None = None
    problems: list[str] = field(default_factory=list)
