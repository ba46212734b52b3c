"""Self-check of exercises: French feedback for learners, the same verdict for nbgrader.

The engine (`exercises`, `answers`, `feedback`) knows nothing of Jupyter;
`notebook` shows its verdicts in a notebook and raises what nbgrader counts.
"""

from widgets.selfcheck.exercises import (
    ComputedValue,
    Exercise,
    FreeText,
    MultipleChoice,
    NumberInRange,
    ReflectiveQuestion,
    TextRule,
)
from widgets.selfcheck.feedback import Feedback, State

__all__ = [
    "ComputedValue",
    "Exercise",
    "Feedback",
    "FreeText",
    "MultipleChoice",
    "NumberInRange",
    "ReflectiveQuestion",
    "State",
    "TextRule",
]
