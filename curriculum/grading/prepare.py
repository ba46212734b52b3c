"""Build the notebook that is actually run from a learner's submission.

The course's learner version (`notebooks/<module>/<module>.ipynb`) is the
template. Every locked cell is taken from it, never from the submission: a
deleted or altered locked cell is put back, and the trainer is told, in a
sentence that tells real tampering from a notebook made with another version
of the course (whose cells still match their own nbgrader checksum). The
learner's answer cells and the cells they added are kept in their places.

Each check cell becomes a report cell: it only sends the value of the
exercise's variable (`widgets.selfcheck.answer_codec`); the verdict is given
outside the kernel, so no answer cell can switch the checks off.
"""

from __future__ import annotations

import copy
from dataclasses import dataclass, field

import nbformat
from nbgrader.utils import compute_checksum

from widgets.selfcheck.exercises import Exercise
from widgets.text import shortened

REPORT_CELL = (
    "import IPython.display, widgets.selfcheck.answer_codec\n"
    "IPython.display.display(widgets.selfcheck.answer_codec.answer_message("
    "{exercise!r}, {variable!r}, globals()), raw=True)"
)


@dataclass
class Prepared:
    """The notebook to run, and what the trainer should know about the submission."""

    notebook: nbformat.NotebookNode
    answer_cells: dict[str, int] = field(default_factory=dict)
    """Exercise id -> index of its answer cell in `notebook`."""
    report_cells: dict[str, int] = field(default_factory=dict)
    """Exercise id -> index of its report cell in `notebook`."""
    points: dict[str, float] = field(default_factory=dict)
    alerts: list[str] = field(default_factory=list)


def grade_id(cell: nbformat.NotebookNode) -> str | None:
    nbgrader = cell.get("metadata", {}).get("nbgrader")
    if not isinstance(nbgrader, dict):
        return None
    value = nbgrader.get("grade_id")
    return value if isinstance(value, str) and value else None


def _is_answer(cell: nbformat.NotebookNode) -> bool:
    return bool(cell.metadata.get("nbgrader", {}).get("solution"))


def prepare(
    template: nbformat.NotebookNode,
    submission: nbformat.NotebookNode,
    exercises: tuple[Exercise, ...],
) -> Prepared:
    """The notebook to run: the template's locked cells, the learner's answers and additions."""
    by_check = {f"{exercise.id}-verification": exercise for exercise in exercises}
    received, free_cells, alerts = _read_submission(submission)
    prepared = Prepared(nbformat.v4.new_notebook(metadata=copy.deepcopy(template.metadata)))
    cells = prepared.notebook.cells
    cells.extend(free_cells.get(None, []))
    for cell in template.cells:
        identifier = grade_id(cell)
        if identifier is None:
            if cell.cell_type == "markdown":
                cells.append(copy.deepcopy(cell))
            continue
        theirs = received.get(identifier)
        if _is_answer(cell):
            chosen = copy.deepcopy(theirs if theirs is not None else cell)
            chosen.metadata = copy.deepcopy(cell.metadata)
            chosen.cell_type = "code"
            if theirs is None:
                alerts.append(f"La cellule de réponse « {identifier} » manquait : comptée vide.")
            exercise_id = identifier.removesuffix("-reponse")
            prepared.answer_cells[exercise_id] = len(cells)
            cells.append(chosen)
        else:
            alert = _locked_cell_alert(identifier, cell, theirs)
            if alert:
                alerts.append(alert)
            if identifier in by_check:
                exercise = by_check[identifier]
                prepared.report_cells[exercise.id] = len(cells)
                prepared.points[exercise.id] = float(cell.metadata["nbgrader"].get("points", 0))
                cells.append(_report_cell(cell, exercise))
            else:
                cells.append(copy.deepcopy(cell))
        cells.extend(free_cells.get(identifier, []))
    for cell in cells:
        if cell.cell_type == "code":
            cell.outputs = []
            cell.execution_count = None
    prepared.alerts = alerts
    return prepared


def _read_submission(
    submission: nbformat.NotebookNode,
) -> tuple[dict[str, nbformat.NotebookNode], dict[str | None, list], list[str]]:
    """The learner's nbgrader cells by grade_id, and their other code cells by the
    grade_id of the nbgrader cell just before them (None: before any)."""
    received: dict[str, nbformat.NotebookNode] = {}
    free_cells: dict[str | None, list] = {}
    alerts: list[str] = []
    anchor: str | None = None
    for cell in submission.cells:
        identifier = grade_id(cell)
        if identifier is not None:
            if identifier in received:
                alerts.append(
                    f"La cellule « {shortened(identifier)} » apparaît deux fois : "
                    "seule la dernière a été gardée."
                )
            received[identifier] = cell
            anchor = identifier
        elif cell.get("cell_type") == "code":
            free = nbformat.v4.new_code_cell(source=str(cell.get("source", "")))
            free_cells.setdefault(anchor, []).append(free)
    return received, free_cells, alerts


def _locked_cell_alert(
    identifier: str, template_cell: nbformat.NotebookNode, theirs: nbformat.NotebookNode | None
) -> str:
    """A French sentence when the learner's copy of a locked cell is missing or changed."""
    if theirs is None:
        return f"La cellule verrouillée « {identifier} » avait été supprimée : elle a été rétablie."
    if str(theirs.get("source", "")).strip() == template_cell.source.strip():
        return ""
    recorded = theirs.get("metadata", {}).get("nbgrader", {}).get("checksum")
    try:
        consistent = recorded == compute_checksum(theirs)
    except Exception:  # a mangled cell cannot be checksummed: it was changed by hand
        consistent = False
    if consistent:
        return (
            f"La cellule verrouillée « {identifier} » vient d'une autre version du cours : "
            "la version actuelle a été utilisée."
        )
    return (
        f"La cellule verrouillée « {identifier} » avait été modifiée : "
        "elle a été rétablie telle que le cours la donne."
    )


def _report_cell(cell: nbformat.NotebookNode, exercise: Exercise) -> nbformat.NotebookNode:
    report = nbformat.v4.new_code_cell(
        source=REPORT_CELL.format(exercise=exercise.id, variable=exercise.variable)
    )
    report.metadata = copy.deepcopy(cell.metadata)
    return report
