"""An exercise kind: give any number that meets conditions an engine checks (no Jupyter).

`NumberInRange` knows one expected value. Some questions have many right
answers that only an engine can recognise: « choose a threshold that finds
at least 60 % of the frauds while controlling at most 750 honest
households ». Each `Condition` asks the engine about the learner's own
number and, when it fails, says what to look at: which limit is not met,
never which number would meet it.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from widgets.errors import AtelierError
from widgets.selfcheck.answers import parse_number
from widgets.selfcheck.exercises import Exercise
from widgets.selfcheck.feedback import Feedback, State


@dataclass(frozen=True)
class Condition:
    """One thing the number must satisfy, and the advice shown when it does not.

    `holds` may raise `AtelierError`: its French message is then shown.
    """

    description: str
    holds: Callable[[float], bool]
    advice: str


@dataclass(frozen=True, kw_only=True)
class NumberMeetingConditions(Exercise):
    """Give a number; it is right when every condition holds.

    Conditions are checked in order and only the first unmet one is reported,
    so put the broadest first (for example « between 0 and 1 »).
    """

    conditions: tuple[Condition, ...]
    unit: str = ""

    def __post_init__(self) -> None:
        super().__post_init__()
        if not self.conditions:
            raise ValueError(f"{self.id}: at least one condition is required")

    def _judge(self, answer: object) -> Feedback:
        number = parse_number(answer, self.unit)
        for condition in self.conditions:
            try:
                met = condition.holds(number)
            except AtelierError as error:
                return Feedback(State.INCORRECT, error.message)
            if not met:
                return Feedback(State.INCORRECT, condition.advice)
        return Feedback(State.CORRECT, self.why)


def within(
    target: Callable[[], float], tolerance: float, too_low: str, too_high: str
) -> tuple[Condition, Condition]:
    """« Not too low » and « not too high » around a value the engine computes when checking."""
    return (
        Condition("pas trop petit", lambda number: number >= target() - tolerance, too_low),
        Condition("pas trop grand", lambda number: number <= target() + tolerance, too_high),
    )
