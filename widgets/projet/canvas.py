"""The project canvas: a few headings a commune answers before starting an AI project.

The headings live in `sources/canvas.toml` (label, one-line hint, Clairval's
example). A `Canvas` keeps every character the learner typed, made safe to
show: lone surrogates become « � » (`widgets.text.printable`), control
characters and bidirectional overrides are dropped, line ends become « \\n ».
A very long answer is kept whole; `length_notes` only says, in French, that
the printed sheet will be long. Only an answer beyond `MAX_CHARS` is refused,
with a French message, and then nothing is changed.
"""

from __future__ import annotations

import re
import tomllib
from collections.abc import Mapping
from dataclasses import dataclass, field
from functools import cache
from importlib import resources
from types import MappingProxyType

from widgets.errors import AtelierError
from widgets.french import format_number
from widgets.text import printable

ADVISED_CHARS = 1_500
"""Beyond this, an answer no longer fits its part of a printed page."""
MAX_CHARS = 1_000_000
"""Far beyond any answer (a 100 KB answer passes): only pasted files reach it."""

_CONTROL = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069]")
"""Control characters (tab and line feed kept) and bidirectional overrides."""


@dataclass(frozen=True)
class Field:
    """One heading of the canvas."""

    key: str
    label: str
    hint: str
    example: str


@dataclass(frozen=True)
class CanvasForm:
    """The headings in order, with the title's label and Clairval's example title."""

    fields: tuple[Field, ...]
    title_label: str
    title_hint: str
    example_title: str
    example_commune: str

    def field(self, key: str) -> Field:
        for item in self.fields:
            if item.key == key:
                return item
        raise AtelierError(f"La fiche n'a pas de rubrique « {shown_key(key)} ».")

    @property
    def keys(self) -> tuple[str, ...]:
        return tuple(item.key for item in self.fields)


@cache
def form() -> CanvasForm:
    raw = tomllib.loads(
        resources.files("widgets.projet").joinpath("sources/canvas.toml").read_text("utf-8")
    )
    return CanvasForm(
        fields=tuple(Field(**entry) for entry in raw["fields"]),
        title_label=raw["title_label"],
        title_hint=raw["title_hint"],
        example_title=raw["example_title"],
        example_commune=raw["example_commune"],
    )


def clean_text(text: str) -> str:
    """The learner's text, printable, without control characters, with « \\n » line ends."""
    unified = text.replace("\r\n", "\n").replace("\r", "\n")
    return _CONTROL.sub("", printable(unified))


def shown_key(key: object) -> str:
    return clean_text(str(key))[:40]


def _read_answer(value: object, label: str) -> str:
    if value is None or value is ...:
        return ""
    if not isinstance(value, str):
        raise AtelierError(f"La rubrique « {label} » attend un texte, écrit entre guillemets.")
    if len(value) > MAX_CHARS:
        raise AtelierError(
            f"La rubrique « {label} » dépasse {format_number(MAX_CHARS)} caractères : "
            "collez un résumé plutôt que le document entier. Rien n'a été changé."
        )
    return clean_text(value)


@dataclass(frozen=True)
class Canvas:
    """What the learner wrote: a title and one text per heading (empty when not answered)."""

    title: str = ""
    answers: Mapping[str, str] = field(default_factory=dict)

    def __post_init__(self) -> None:
        object.__setattr__(self, "answers", MappingProxyType(dict(self.answers)))

    def text(self, key: str) -> str:
        form().field(key)
        return self.answers.get(key, "")

    def filled(self) -> tuple[Field, ...]:
        return tuple(item for item in form().fields if self.text(item.key).strip())

    def missing(self) -> tuple[Field, ...]:
        return tuple(item for item in form().fields if not self.text(item.key).strip())

    @property
    def is_empty(self) -> bool:
        return not self.title.strip() and not self.filled()


def read_canvas(answers: object, title: object = "") -> Canvas:
    """A canvas from a mapping {heading key: text}; unknown headings and non-texts refused."""
    if not isinstance(answers, Mapping):
        raise AtelierError('La fiche s\'écrit comme un dictionnaire : {"need": "…", "users": "…"}.')
    known = form()
    texts: dict[str, str] = {}
    for key, value in answers.items():
        if not isinstance(key, str) or key not in known.keys:
            names = ", ".join(known.keys)
            raise AtelierError(
                f"La fiche n'a pas de rubrique « {shown_key(key)} ». Rubriques : {names}."
            )
        texts[key] = _read_answer(value, known.field(key).label)
    return Canvas(title=_read_answer(title, known.title_label).strip(), answers=texts)


def example_canvas() -> Canvas:
    """Clairval-sur-Ondine's example project, every heading filled."""
    known = form()
    return Canvas(
        title=known.example_title, answers={item.key: item.example for item in known.fields}
    )


def length_notes(canvas: Canvas) -> tuple[str, ...]:
    """French notes on answers longer than a printed page allows (nothing is cut)."""
    notes = []
    for item in form().fields:
        length = len(canvas.text(item.key))
        if length > ADVISED_CHARS:
            notes.append(
                f"La rubrique « {item.label} » fait {format_number(length)} caractères : "
                "elle est gardée en entier, mais la fiche imprimée sera longue. "
                f"Un résumé de {format_number(ADVISED_CHARS)} caractères au plus se lit mieux."
            )
    return tuple(notes)
