"""The kinds of exercise and their checkers (plain Python, no Jupyter).

Each exercise knows its question, one to three hints of growing precision,
a solution shown only on request, its reference answer and at least one
wrong answer (the tests use all of them). `evaluate` is what the learner
sees; `grade` is what nbgrader's hidden tests call. Both apply the same
rules, so « Bonne réponse » never grades 0: the only difference is that an
untouched placeholder is « not yet answered » for the learner and a failure
for grading.
"""

from __future__ import annotations

import math
import numbers
import re
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any

from widgets.selfcheck.answers import (
    AnswerFormatError,
    normalize_text,
    parse_letter,
    parse_number,
    read_text,
)
from widgets.selfcheck.feedback import Feedback, State, unanswered

PLACEHOLDER = Ellipsis
"""What an answer cell holds until the learner writes something: `...`."""

_UNREADABLE = (
    "votre réponse n'a pas pu être lue. Vérifiez qu'elle a la forme demandée dans la consigne."
)


@dataclass(frozen=True, kw_only=True)
class Exercise:
    """What every kind of exercise shares."""

    id: str
    variable: str
    question: str
    why: str
    hints: tuple[str, ...]
    solution: str
    reference: Any
    wrong_examples: tuple[Any, ...]

    def __post_init__(self) -> None:
        if not 1 <= len(self.hints) <= 3:
            raise ValueError(f"{self.id}: one to three hints are required")
        if not self.wrong_examples:
            raise ValueError(f"{self.id}: at least one wrong example is required")

    def evaluate(self, answer: object) -> Feedback:
        """Check an answer as the learner sees it. Never raises."""
        if answer is PLACEHOLDER:
            return unanswered(self.variable)
        try:
            return self._judge(answer)
        except AnswerFormatError as error:
            return Feedback(State.INCORRECT, error.message)
        except Exception:  # a learner must never meet a traceback from a checker
            return Feedback(State.INCORRECT, _UNREADABLE)

    def grade(self, answer: object) -> Feedback:
        """Check an answer for grading: the same rules; an untouched placeholder is wrong."""
        feedback = self.evaluate(answer)
        if feedback.state is State.UNANSWERED:
            return Feedback(State.INCORRECT, "aucune réponse n'a été donnée.")
        return feedback

    def _judge(self, answer: object) -> Feedback:
        raise NotImplementedError


@dataclass(frozen=True, kw_only=True)
class ReflectiveQuestion:
    """A question with no automatic check: a model answer is shown on request.

    The trainer guide says how to debrief it; nbgrader does not grade it.
    """

    id: str
    question: str
    model_answer: str


@dataclass(frozen=True, kw_only=True)
class MultipleChoice(Exercise):
    """Choose one letter among the options.

    `advice` maps a wrong letter to what the learner should look at again.
    """

    options: Mapping[str, str]
    correct: str
    advice: Mapping[str, str] = field(default_factory=dict)

    def __post_init__(self) -> None:
        super().__post_init__()
        if self.correct not in self.options:
            raise ValueError(f"{self.id}: the correct letter must be one of the options")

    def _judge(self, answer: object) -> Feedback:
        letter = parse_letter(answer, tuple(self.options))
        if letter == self.correct:
            return Feedback(State.CORRECT, self.why)
        tip = self.advice.get(letter, "relisez la question et les autres propositions.")
        return Feedback(State.INCORRECT, f"la proposition {letter} ne convient pas : {tip}")


@dataclass(frozen=True, kw_only=True)
class NumberInRange(Exercise):
    """Give a number; it is right within `tolerance` of `expected`.

    `too_low` and `too_high` say where to look without giving the value.
    """

    expected: float
    tolerance: float
    unit: str = ""
    too_low: str = "votre nombre est trop petit."
    too_high: str = "votre nombre est trop grand."

    def _judge(self, answer: object) -> Feedback:
        number = parse_number(answer, self.unit)
        if abs(number - self.expected) <= self.tolerance:
            return Feedback(State.CORRECT, self.why)
        return Feedback(State.INCORRECT, self.too_low if number < self.expected else self.too_high)


@dataclass(frozen=True)
class TextRule:
    """One thing a free-text answer must contain (or avoid).

    `pattern` is a regular expression matched on the normalised text
    (lower case, no accents, single spaces). `advice` is shown when the
    rule is not met.
    """

    description: str
    pattern: str
    advice: str
    must_match: bool = True

    def is_met(self, normalized: str) -> bool:
        found = re.search(self.pattern, normalized) is not None
        return found if self.must_match else not found


@dataclass(frozen=True, kw_only=True)
class FreeText(Exercise):
    """Write a short text; it is checked by explicit, explainable rules."""

    rules: tuple[TextRule, ...]

    def _judge(self, answer: object) -> Feedback:
        normalized = normalize_text(read_text(answer))
        missing = [rule for rule in self.rules if not rule.is_met(normalized)]
        if not missing:
            return Feedback(State.CORRECT, self.why)
        return Feedback(State.INCORRECT, " ".join(rule.advice for rule in missing))


@dataclass(frozen=True, kw_only=True)
class ComputedValue(Exercise):
    """Complete one line of code; the value it computes is checked.

    `expected` is a function so that the value can come from data.
    `known_mistakes` maps a typical wrong value to targeted advice.
    """

    expected: Callable[[], Any]
    advice: str
    known_mistakes: Sequence[tuple[Any, str]] = ()
    relative_tolerance: float = 1e-9

    def _judge(self, answer: object) -> Feedback:
        target = self.expected()
        if self._same(answer, target):
            return Feedback(State.CORRECT, self.why)
        for mistake, tip in self.known_mistakes:
            if self._same(answer, mistake):
                return Feedback(State.INCORRECT, tip)
        return Feedback(State.INCORRECT, self.advice)

    def _same(self, answer: object, target: object) -> bool:
        if _is_plain_number(answer) and _is_plain_number(target):
            return math.isclose(
                float(answer), float(target), rel_tol=self.relative_tolerance, abs_tol=1e-12
            )
        try:
            return bool(answer == target)
        except Exception:
            return False


def _is_plain_number(value: object) -> bool:
    return isinstance(value, numbers.Real) and not isinstance(value, bool)
