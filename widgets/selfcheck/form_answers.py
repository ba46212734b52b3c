"""What a click form of the no-code view hands to an exercise's checker (no Jupyter).

In the no-code view an élu answers in a form (choice buttons, a number field,
a text area) instead of editing a code cell. The form's raw input goes
through the exercise's own `evaluate`, so the verdict, its French message
and the grade agree with the notebook's check cell. Only two things are
specific to forms: an empty form is « not yet answered » with a sentence
about the form (not about cells), and a value a code cell would compute
(`ComputedValue`) is typed as a number.
"""

from __future__ import annotations

import numbers
import re
from enum import Enum

from widgets.selfcheck.answers import AnswerFormatError, parse_number
from widgets.selfcheck.constraint import NumberMeetingConditions
from widgets.selfcheck.exercises import (
    ComputedValue,
    Exercise,
    MultipleChoice,
    NumberInRange,
)
from widgets.selfcheck.feedback import Feedback, State

FORM_UNANSWERED = (
    "choisissez ou écrivez votre réponse dans le formulaire, "
    "puis cliquez sur « Vérifier ma réponse »."
)


class FormKind(Enum):
    """The control a form shows for an exercise."""

    CHOICE = "choice"
    NUMBER = "number"
    TEXT = "text"


def form_kind(exercise: Exercise) -> FormKind:
    if isinstance(exercise, MultipleChoice):
        return FormKind.CHOICE
    if isinstance(exercise, NumberInRange | NumberMeetingConditions) or _numeric_value(exercise):
        return FormKind.NUMBER
    return FormKind.TEXT


def judge_form_answer(exercise: Exercise, raw: object) -> Feedback:
    """The verdict on what the form holds; never raises."""
    if raw is None or (isinstance(raw, str) and not raw.strip()):
        return Feedback(State.UNANSWERED, FORM_UNANSWERED)
    if _numeric_value(exercise):
        try:
            raw = parse_number(raw)
        except AnswerFormatError as error:
            return Feedback(State.INCORRECT, error.message)
    return exercise.evaluate(raw)


def choice_labels(exercise: MultipleChoice) -> list[tuple[str, str]]:
    """(label, letter) pairs for choice buttons: « A. texte » without Markdown marks."""
    return [(f"{letter}. {plain(text)}", letter) for letter, text in exercise.options.items()]


def plain(markdown: str) -> str:
    """A short Markdown text as plain text: emphasis and code marks removed."""
    return re.sub(r"\*\*|__|`|(?<!\w)[*_](?=\S)|(?<=\S)[*_](?!\w)", "", markdown).strip()


def _numeric_value(exercise: Exercise) -> bool:
    return (
        isinstance(exercise, ComputedValue)
        and isinstance(exercise.reference, numbers.Real)
        and not isinstance(exercise.reference, bool)
    )
