"""The result of checking one answer: plain data, no Jupyter."""

from __future__ import annotations

from dataclasses import dataclass
from enum import Enum

from widgets.selfcheck.answer_runs import UNREAD_ANSWER


class State(Enum):
    """The three states a learner can meet, each with its own French label."""

    UNANSWERED = "unanswered"
    UNREAD = "unread"
    CORRECT = "correct"
    INCORRECT = "incorrect"

    @property
    def label(self) -> str:
        return _LABELS[self]


_LABELS = {
    State.UNANSWERED: "Pas encore de réponse",
    State.UNREAD: "Réponse non lue",
    State.CORRECT: "Bonne réponse",
    State.INCORRECT: "Pas encore tout à fait",
}


@dataclass(frozen=True)
class Feedback:
    """What the checker says about one answer.

    `message` is plain French text, written for a learner who is not a coder.
    For a wrong answer it says what to look at, never the expected value.
    """

    state: State
    message: str

    @property
    def is_correct(self) -> bool:
        return self.state is State.CORRECT

    def as_text(self) -> str:
        return f"{self.state.label} : {self.message}"


def unread() -> Feedback:
    """The answer cell's last run failed: its variable holds an older answer, or none."""
    return Feedback(State.UNREAD, UNREAD_ANSWER)


def unanswered(variable: str) -> Feedback:
    return Feedback(
        State.UNANSWERED,
        f"remplacez les trois points « ... » après « {variable} = » par votre réponse, "
        "exécutez cette cellule-là, puis exécutez de nouveau celle-ci.",
    )
