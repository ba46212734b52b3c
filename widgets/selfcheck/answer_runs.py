"""Did the last run of an answer cell succeed? (plain Python, one record per kernel)

A check cell receives the value the variable holds, which may be stale: when
the learner's corrected answer cell fails (a typo), the variable still holds
the previous answer, or nothing at all. The kernel extension records, after
every cell, the names the cell assigns and whether the cell failed; a check
then refuses to judge a variable whose last assignment failed, and says so.
"""

from __future__ import annotations

import re

_ASSIGNMENT = re.compile(r"^[ \t]*([^\W\d]\w*)[ \t]*(?::[^=\n]*)?=(?!=)", re.MULTILINE)

UNREAD_ANSWER = (
    "votre dernière réponse n'a pas pu être lue : corrigez la cellule de réponse, "
    "exécutez-la, puis exécutez de nouveau celle-ci."
)


def assigned_names(source: str) -> set[str]:
    """Names a cell assigns at the start of a line (`reponse = ...`), even if it cannot run."""
    return set(_ASSIGNMENT.findall(source))


class AnswerRuns:
    """The outcome of the last run of every cell, by the names it assigns."""

    def __init__(self) -> None:
        self._failed: dict[str, bool] = {}

    def record(self, source: str, failed: bool) -> None:
        for name in assigned_names(source):
            self._failed[name] = failed

    def last_failed(self, name: str) -> bool:
        return self._failed.get(name, False)

    def forget(self) -> None:
        self._failed.clear()


ANSWER_RUNS = AnswerRuns()
"""The record of this kernel; the kernel extension fills it after each cell."""
