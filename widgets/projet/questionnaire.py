"""The risk questionnaire as data: questions, their options, the duties and the dates they lead to.

Everything a learner reads (questions, reasons, duties, doubts) lives in
`sources/questionnaire.toml`; this module reads it once into frozen
dataclasses and checks a learner's answers against it, in French.
"""

from __future__ import annotations

import datetime as dt
import tomllib
from collections.abc import Mapping
from dataclasses import dataclass
from importlib import resources

from widgets.errors import AtelierError
from widgets.text import shortened

LEVELS = ("interdit", "haut-risque", "transparence", "minimal")
"""From the most to the least constrained: a project takes the first level any answer leads to."""


@dataclass(frozen=True)
class Option:
    value: str
    label: str
    reason: str
    level: str = "minimal"
    annex_point: str | None = None
    duties: tuple[str, ...] = ()
    facts: tuple[str, ...] = ()
    doubt: str = ""
    narrow_task: bool = False
    """Art. 6(3): the tool only prepares a person's assessment, so the Annex III point lapses."""


@dataclass(frozen=True)
class Question:
    id: str
    text: str
    options: tuple[Option, ...]
    asked_when: tuple[tuple[str, tuple[str, ...]], ...] = ()
    """(question id, answers): the question is asked only when an earlier answer is one of these."""

    def option(self, value: str) -> Option:
        return next(option for option in self.options if option.value == value)

    def values(self) -> tuple[str, ...]:
        return tuple(option.value for option in self.options)


@dataclass(frozen=True)
class Deadline:
    id: str
    date: dt.date
    text: str
    facts: tuple[str, ...]
    caveat: str = ""


@dataclass(frozen=True)
class Duty:
    id: str
    text: str
    law: str
    """« ia » (the EU regulation), « france » (French law, whatever the AI Act level), « info »."""
    facts: tuple[str, ...]
    deadline: str = ""
    transparency: bool = False


def _load() -> dict:
    source = resources.files("widgets.projet").joinpath("sources", "questionnaire.toml")
    return tomllib.loads(source.read_text("utf-8"))


_DATA = _load()
LEVEL_LABELS: dict[str, str] = _DATA["levels"]
MESSAGES: dict[str, str] = _DATA["messages"]


def _option(entry: dict) -> Option:
    return Option(
        **{
            **entry,
            "duties": tuple(entry.get("duties", ())),
            "facts": tuple(entry.get("facts", ())),
        }
    )


QUESTIONS: tuple[Question, ...] = tuple(
    Question(
        id=entry["id"],
        text=entry["text"],
        options=tuple(_option(option) for option in entry["options"]),
        asked_when=tuple(
            (key, tuple(values)) for key, values in entry.get("asked_when", {}).items()
        ),
    )
    for entry in _DATA["questions"]
)
QUESTIONS_BY_ID: dict[str, Question] = {question.id: question for question in QUESTIONS}
DUTIES: dict[str, Duty] = {
    key: Duty(id=key, **{**entry, "facts": tuple(entry["facts"])})
    for key, entry in _DATA["duties"].items()
}
DEADLINES: dict[str, Deadline] = {
    entry["id"]: Deadline(**{**entry, "facts": tuple(entry["facts"])})
    for entry in _DATA["deadlines"]
}
ALWAYS = ("maitrise",)
"""Duties every project has, whatever its answers: AI literacy (Art. 4)."""


def is_asked(question: Question, answers: Mapping[str, str]) -> bool:
    """Whether `question` applies, given the answers to the questions it depends on."""
    return all(answers.get(key) in values for key, values in question.asked_when)


def asked_questions(answers: Mapping[str, str]) -> tuple[Question, ...]:
    return tuple(question for question in QUESTIONS if is_asked(question, answers))


def missing_questions(answers: Mapping[str, str]) -> tuple[Question, ...]:
    """The questions that apply and are not answered yet, in order."""
    return tuple(question for question in asked_questions(answers) if question.id not in answers)


def _quoted_list(items: tuple[str, ...] | list[str]) -> str:
    return ", ".join(f"« {item} »" for item in items)


def read_answers(answers: object) -> dict[str, str]:
    """The learner's answers, checked: a French AtelierError for anything odd or missing.

    Answers to questions that do not apply (a review question when nothing is
    published) are dropped, so that a view may pass all its controls.
    """
    if not isinstance(answers, Mapping):
        raise AtelierError(MESSAGES["not_a_mapping"])
    checked: dict[str, str] = {}
    for key, value in answers.items():
        question = QUESTIONS_BY_ID.get(key) if isinstance(key, str) else None
        if question is None:
            name = shortened(key) if isinstance(key, str) else shortened(repr(key))
            raise AtelierError(
                MESSAGES["unknown_question"].format(
                    question=name, questions=_quoted_list(list(QUESTIONS_BY_ID))
                )
            )
        if value is None:
            continue
        if not isinstance(value, str) or value not in question.values():
            shown = shortened(value) if isinstance(value, str) else shortened(repr(value))
            raise AtelierError(
                MESSAGES["unknown_answer"].format(
                    answer=shown, question=question.id, answers=_quoted_list(question.values())
                )
            )
        checked[key] = value
    checked = {
        key: value for key, value in checked.items() if is_asked(QUESTIONS_BY_ID[key], checked)
    }
    missing = missing_questions(checked)
    if missing:
        raise AtelierError(
            MESSAGES["missing"].format(
                count=len(missing), questions=" ; ".join(question.text for question in missing)
            )
        )
    return checked
