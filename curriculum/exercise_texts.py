"""Questions of exercises in notebooks: written by `atelier release` from the lesson file.

In the Markdown cell that asks an exercise, the author writes two lines with
nothing between them:

    <!-- exercice:q2 -->
    <!-- /exercice -->

and the release writes, between them, the question of the exercise `q2` of the
module's lesson (`widgets.lessons.<name>`, the module the notebook's first code
cell imports as `atelier`), with its options for a multiple choice. The text
around the markers (a title, how to answer in a code cell) stays the author's.
"""

from __future__ import annotations

import importlib
import re
from pathlib import Path
from types import ModuleType

from nbformat import NotebookNode

from curriculum.course import module_notebooks
from curriculum.marked_blocks import (
    MarkedBlockError,
    copy_cells,
    opened_keys,
    rewrite_notebook,
)
from curriculum.notebook_io import NotebookError, read_notebook
from widgets.selfcheck import Exercise, ReflectiveQuestion
from widgets.selfcheck.question import question_markdown
from widgets.selfcheck.views.exercise import NotebookExercise

EXERCISE_BEGIN = re.compile(r"^<!-- exercice:([a-z0-9_-]+) -->$")
EXERCISE_END = "<!-- /exercice -->"
LESSON_IMPORT = re.compile(r"^from widgets\.lessons import (\w+) as atelier$", re.MULTILINE)

Question = Exercise | ReflectiveQuestion


class ExerciseTextError(Exception):
    """A question cell names an unknown exercise, or markers are misplaced; in French."""


def lesson_name(notebook: NotebookNode) -> str | None:
    """The lesson the first code cell imports as `atelier`, if any."""
    first_code = next((cell for cell in notebook.cells if cell.cell_type == "code"), None)
    match = LESSON_IMPORT.search(first_code.source) if first_code else None
    return match.group(1) if match else None


def import_lesson(name: str) -> ModuleType:
    return importlib.import_module(f"widgets.lessons.{name}")


def questions_of(lesson: ModuleType) -> dict[str, Question]:
    """Every exercise and reflective question a lesson defines, by id."""
    found: dict[str, Question] = {}
    for value in vars(lesson).values():
        item = value.exercise if isinstance(value, NotebookExercise) else value
        if isinstance(item, Exercise | ReflectiveQuestion):
            found.setdefault(item.id, item)
    return found


def asked_ids(notebook: NotebookNode) -> list[str]:
    """Ids of the exercises whose question the notebook shows, in order."""
    return opened_keys(notebook, EXERCISE_BEGIN)


def refresh(notebook: NotebookNode, name: str) -> bool:
    """Rewrite every question block in memory; True if anything changed."""
    ids = asked_ids(notebook)
    if not ids:
        return False
    lesson = lesson_name(notebook)
    if lesson is None:
        raise ExerciseTextError(
            f"{name} pose des exercices, mais sa première cellule de code n'importe pas "
            "sa leçon (from widgets.lessons import … as atelier)."
        )
    questions = questions_of(import_lesson(lesson))
    unknown = [exercise_id for exercise_id in ids if exercise_id not in questions]
    if unknown:
        raise ExerciseTextError(
            f"{name} pose des exercices absents de widgets/lessons/{lesson}.py : "
            f"{', '.join(unknown)}."
        )
    try:
        return rewrite_notebook(
            notebook,
            EXERCISE_BEGIN,
            EXERCISE_END,
            lambda exercise_id: question_markdown(questions[exercise_id]),
            name,
        )
    except MarkedBlockError as error:
        raise ExerciseTextError(str(error)) from None


def is_current(notebook: NotebookNode, name: str) -> bool:
    return not refresh(copy_cells(notebook), name)


def check_exercise_texts(course_root: Path) -> list[str]:
    """Question cells that name an unknown exercise or differ from the lesson: in French."""
    problems = []
    for name, path in module_notebooks(course_root):
        try:
            current = is_current(read_notebook(path), name)
        except (NotebookError, ExerciseTextError) as error:
            problems.append(str(error))
            continue
        if not current:
            problems.append(
                f"Les questions des exercices de {name} ne sont plus celles de la leçon : "
                f"lancez `atelier release {path.parent.name}`."
            )
    return problems
