"""What the course says about a graded module's exercises: question, hints, section.

The report labels each exercise with its question, and a learner's feedback
page shows the question, the hints and the part of the notebook to read again.
Everything comes from the course itself: the lesson the module's notebook
imports (`curriculum.check_guides.lesson_questions`) and the learner notebook's
headings. Never the solution, the reference answer or the expected value.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path

import nbformat
from nbformat import NotebookNode

from curriculum.check_guides import lesson_questions
from curriculum.course import RELEASE_DIR
from curriculum.exercise_texts import EXERCISE_BEGIN
from curriculum.marked_blocks import markdown_cells
from curriculum.notebook_io import NotebookError, read_notebook
from curriculum.syllabus import Module, SyllabusError, load_course_syllabus
from widgets.selfcheck import Exercise
from widgets.selfcheck.question import question_markdown
from widgets.text import shortened

LABEL_LENGTH = 70
_MINUTES = re.compile(r"\s*\(\d+\s*min\)\s*$")
_MARKUP = re.compile(r"\*\*|__|`")
_SENTENCE = re.compile(r"[^.?!:\n]+[.?!:]?")


@dataclass(frozen=True)
class ExerciseInfo:
    """One exercise as the course shows it to the learner."""

    id: str
    question: str
    """Markdown, with the options of a multiple choice."""
    hints: tuple[str, ...]
    heading: str = ""
    """The exercise's own heading in the notebook (« Exercice 1 : … »), if any."""
    section: str = ""
    """The notebook part that teaches it (« 1. Exécuter une cellule »), if any."""

    @property
    def label(self) -> str:
        """The question's first sentence that asks something (else its first sentence),
        without Markdown, shortened: for tables and charts."""
        sentences = [text.strip() for text in _SENTENCE.findall(_MARKUP.sub("", self.question))]
        sentences = [text for text in sentences if text] or [self.id]
        asking = next((text for text in sentences if text.endswith("?")), sentences[0])
        return shortened(asking, LABEL_LENGTH)


@dataclass(frozen=True)
class ModuleInfo:
    id: str
    title: str
    exercises: dict[str, ExerciseInfo]
    points_max: float = 0.0
    """What the learner notebook's graded cells are worth together (nbgrader `points`)."""

    def exercise(self, exercise_id: str) -> ExerciseInfo | None:
        return self.exercises.get(exercise_id)

    def order(self, exercise_id: str) -> tuple[int, str]:
        """Sort key: the order the notebook asks them in, unknown ids last (then by name)."""
        ids = list(self.exercises)
        return (ids.index(exercise_id), "") if exercise_id in ids else (len(ids), exercise_id)


def course_modules(course_root: Path, module_ids: list[str]) -> dict[str, ModuleInfo]:
    """Every module of `module_ids`; one unknown to the course gets no title nor exercises."""
    try:
        syllabus = load_course_syllabus(course_root)
    except SyllabusError:
        syllabus = None
    found = {}
    for module_id in module_ids:
        module = syllabus.module(module_id) if syllabus else None
        found[module_id] = (
            _module_info(course_root, module) if module else ModuleInfo(module_id, "", {})
        )
    return found


def _module_info(course_root: Path, module: Module) -> ModuleInfo:
    lesson = lesson_questions(course_root, module)
    try:
        notebook = read_notebook(Path(course_root) / RELEASE_DIR / module.notebook)
    except NotebookError:
        notebook = nbformat.v4.new_notebook()
    headings = _headings(notebook)
    graded = [item for item in (lesson[1].values() if lesson else ()) if isinstance(item, Exercise)]
    position = {exercise_id: index for index, exercise_id in enumerate(headings)}
    graded.sort(key=lambda item: (position.get(item.id, len(position)), item.id))
    exercises = {
        item.id: ExerciseInfo(
            item.id, question_markdown(item), item.hints, *headings.get(item.id, ("", ""))
        )
        for item in graded
    }
    points = sum(
        float(cell.metadata.get("nbgrader", {}).get("points") or 0) for cell in notebook.cells
    )
    return ModuleInfo(module.id, module.title, exercises, points)


def _headings(notebook: NotebookNode) -> dict[str, tuple[str, str]]:
    """For each exercise marker, in the notebook's order: the last `###` heading and the
    last `##` heading before it."""
    found: dict[str, tuple[str, str]] = {}
    heading = section = ""
    for cell in markdown_cells(notebook):
        for line in cell.source.split("\n"):
            line = line.strip()
            if line.startswith("## "):
                section, heading = _MINUTES.sub("", line[3:]).strip(), ""
            elif line.startswith("### "):
                heading = line[4:].strip()
            elif match := EXERCISE_BEGIN.match(line):
                found.setdefault(match.group(1), (heading, section))
    return found
