"""One learner's progress in one module, read from a saved notebook: the dashboard's data.

Only the cells' metadata, whether a code cell has run, and the verdict label a
`qN-verification` cell stored (« Bonne réponse »…, the labels of
`widgets.selfcheck.feedback`) are read into these objects: never an answer's
text. The notebook is read as plain JSON rather than with nbformat: a dashboard
reads thousands of notebooks, needs neither validation nor conversion, and must
survive a half-broken file.
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass, field
from datetime import datetime
from pathlib import Path
from typing import Any

from curriculum.grading.course_exercises import ModuleInfo
from curriculum.grading.received import MAX_FILE_BYTES
from widgets.selfcheck.feedback import Feedback, State
from widgets.selfcheck.html import feedback_text

RIGHT, WRONG, UNTRIED = "juste", "à revoir", "pas essayé"
_VERDICTS = {
    feedback_text(Feedback(state, "")).strip(): verdict
    for state, verdict in (
        (State.CORRECT, RIGHT),
        (State.INCORRECT, WRONG),
        (State.UNREAD, WRONG),
        (State.UNANSWERED, UNTRIED),
    )
}
"""« ✔ Bonne réponse : » → RIGHT…: how a check cell's stored text output begins."""
_CHECK_CELL = re.compile(r"(q\d+)-verification")


@dataclass(frozen=True)
class ModuleProgress:
    """One learner's best copy of one module."""

    opened: bool
    """At least one code cell has an execution count."""
    saved: float
    """The copy's modification time (seconds since the epoch)."""
    verdicts: dict[str, str]
    """Exercise id (`q1`) → RIGHT, WRONG or UNTRIED, for every exercise of the module."""
    copies: int = 1

    def count(self, verdict: str) -> int:
        return sum(1 for value in self.verdicts.values() if value == verdict)

    def rank(self) -> tuple[int, int, bool, float]:
        """Sort key of the most advanced copy: right, then tried, then opened, then newest."""
        tried = len(self.verdicts) - self.count(UNTRIED)
        return (self.count(RIGHT), tried, self.opened, self.saved)


@dataclass(frozen=True)
class Unreadable:
    file: str
    """The path below the learner's home folder, as a file manager shows it."""
    reason: str


@dataclass
class Learner:
    name: str
    """The home folder's name, as a file manager shows it."""
    modules: dict[str, ModuleProgress] = field(default_factory=dict)
    unreadable: list[Unreadable] = field(default_factory=list)
    other_notebooks: int = 0
    """Notebooks that belong to no module of this course (ignored)."""

    def to_look_at(self, module_id: str) -> list[str]:
        """The module's exercises tried and not yet right."""
        progress = self.modules.get(module_id)
        return [q for q, v in progress.verdicts.items() if v == WRONG] if progress else []


@dataclass(frozen=True)
class Session:
    homes: Path
    modules: list[ModuleInfo]
    learners: list[Learner]
    read_at: datetime


def load(path: Path) -> tuple[dict[str, Any] | None, str]:
    """The notebook's cells (`{"cells": [...]}`, each a dict), or None and the French reason."""
    try:
        if path.stat().st_size > MAX_FILE_BYTES:
            return None, "fichier trop gros pour un notebook du cours"
        data = json.loads(path.read_bytes())
    except OSError as error:
        return None, f"fichier illisible ({error.strerror})"
    except (ValueError, RecursionError):
        return None, "fichier abîmé ou vide (ce n'est pas un notebook lisible)"
    if not isinstance(data, dict) or not isinstance(data.get("cells"), list):
        return None, "fichier abîmé (ce n'est pas un notebook lisible)"
    cells = [cell for cell in data["cells"] if isinstance(cell, dict)]
    for cell in cells:  # as nbformat does: a source stored as a list of lines is one text
        if isinstance(cell.get("source"), list):
            cell["source"] = "".join(part for part in cell["source"] if isinstance(part, str))
    return {"cells": cells}, ""


def progress(notebook: dict[str, Any], module: ModuleInfo, saved: float) -> ModuleProgress:
    """What one copy of `module` shows: opened, and each exercise's stored verdict."""
    verdicts = dict.fromkeys(module.exercises, UNTRIED)
    opened = False
    for cell in notebook["cells"]:
        if not isinstance(cell, dict) or cell.get("cell_type") != "code":
            continue
        count = cell.get("execution_count")
        if isinstance(count, int) and not isinstance(count, bool):
            opened = True
        match = _CHECK_CELL.fullmatch(_grade_id(cell))
        if match and match.group(1) in verdicts:
            verdicts[match.group(1)] = verdict(cell.get("outputs"))
    return ModuleProgress(opened, saved, verdicts)


def verdict(outputs: Any) -> str:
    """The last verdict a check cell's stored outputs show; an error is a failed try."""
    found = UNTRIED
    for output in outputs if isinstance(outputs, list) else []:
        if not isinstance(output, dict):
            continue
        if output.get("output_type") == "error":
            found = WRONG
            continue
        data = output.get("data")
        plain = data.get("text/plain") if isinstance(data, dict) else output.get("text")
        if isinstance(plain, list):
            plain = "".join(part for part in plain if isinstance(part, str))
        if isinstance(plain, str) and ":" in plain:
            found = _VERDICTS.get(plain.split(":", 1)[0].strip() + " :", found)
    return found


def _grade_id(cell: dict[str, Any]) -> str:
    metadata = cell.get("metadata")
    nbgrader = metadata.get("nbgrader") if isinstance(metadata, dict) else None
    grade_id = nbgrader.get("grade_id") if isinstance(nbgrader, dict) else None
    return grade_id if isinstance(grade_id, str) else ""
