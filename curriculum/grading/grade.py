"""`atelier grade`: grade every collected notebook of a module, each in its own sandbox.

nbgrader does not grade in parallel (nbgrader #174). Here every notebook runs
in its own kernel process, in its own sandbox and scratch folder; the grader
drives `--jobs` of them at once (by default one per core) from threads, which
only wait on the kernels and judge their reports, so the checkers are
imported once. Each result is saved as its own file
(`resultats/<module>/<identifiant>.json`). The copies in `soumis/` are only
read: their SHA-256 is compared before and after, and any change is reported.
"""

from __future__ import annotations

import hashlib
import os
import re
import shutil
from collections.abc import Callable
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass, field
from functools import cache
from pathlib import Path

import nbformat

from curriculum.course import RELEASE_DIR
from curriculum.exercise_texts import import_lesson, lesson_name
from curriculum.grading import results
from curriculum.grading.execute import run_notebook
from curriculum.grading.judge import judge, notebook_status
from curriculum.grading.prepare import grade_id, prepare
from curriculum.grading.sandbox import Sandbox
from widgets.selfcheck.exercises import Exercise


@dataclass(frozen=True)
class Job:
    """One notebook to grade; everything a worker process needs."""

    class_folder: Path
    course_root: Path
    module: str
    learner: str
    name: str
    sandbox: Sandbox
    cell_timeout: int


@dataclass
class GradeSummary:
    results: list[results.NotebookResult] = field(default_factory=list)
    changed_files: list[str] = field(default_factory=list)
    """Copies in soumis/ whose bytes changed while grading (never expected)."""

    def french_lines(self) -> list[str]:
        lines = [result_line(result) for result in self.results]
        for path in self.changed_files:
            lines.append(f"ALERTE : le fichier reçu {path} a changé pendant la correction.")
        return lines


def result_line(result: results.NotebookResult) -> str:
    """« 01-prise-en-main · marie-dupont : 3 / 4 (1 alerte(s)) », or the status."""
    if result.statut == results.GRADED_STATUS:
        outcome = f"{_number(result.points)} / {_number(result.points_max)}"
    else:
        outcome = result.statut
    alerts = f" ({len(result.alertes)} alerte(s))" if result.alertes else ""
    return f"{result.module} · {result.identifiant} : {outcome}{alerts}"


def _number(value: float) -> str:
    return f"{value:g}".replace(".", ",")


def graded_modules(course_root: Path) -> list[str]:
    """Modules whose learner notebook has at least one checked exercise."""
    found = []
    for path in sorted((Path(course_root) / RELEASE_DIR).glob("*/*.ipynb")):
        if path.stem == path.parent.name and exercises_of(str(path)):
            found.append(path.stem)
    return found


@cache
def exercises_of(template_path: str) -> tuple[Exercise, ...]:
    """The checked exercises of a learner notebook's lesson (imported once per process)."""
    name = lesson_name(nbformat.read(template_path, as_version=4))
    if name is None:
        return ()
    return tuple(getattr(import_lesson(name), "EXERCISES", ()))


def collected(class_folder: Path, module: str) -> list[tuple[str, Path]]:
    """(learner, path) of every collected notebook of `module`."""
    folder = Path(class_folder) / results.SUBMITTED
    paths = sorted(folder.glob(f"*/{module}/{module}.ipynb"))
    return [(path.parent.parent.name, path) for path in paths]


def grade_class(
    class_folder: Path,
    course_root: Path,
    modules: list[str],
    sandbox: Sandbox,
    cell_timeout: int,
    jobs: int,
    progress: Callable[[results.NotebookResult], None] | None = None,
) -> GradeSummary:
    """Grade every collected notebook of `modules`; write one result file per notebook."""
    names = {item.identifiant: item.nom for item in results.read_received(class_folder)}
    work = [
        Job(
            class_folder,
            course_root,
            module,
            learner,
            names.get(learner, ""),
            sandbox,
            cell_timeout,
        )
        for module in modules
        for learner, _ in collected(class_folder, module)
    ]
    before = _fingerprints(class_folder)
    summary = GradeSummary()
    with ThreadPoolExecutor(max_workers=max(1, jobs)) as pool:
        summary.results = _gather(pool.map(grade_notebook, work), progress)
    after = _fingerprints(class_folder)
    summary.changed_files = sorted(
        path for path in before.keys() | after.keys() if before.get(path) != after.get(path)
    )
    shutil.rmtree(Path(class_folder) / results.SCRATCH, ignore_errors=True)
    return summary


def _gather(outcomes, progress) -> list[results.NotebookResult]:
    gathered = []
    for result in outcomes:
        if progress is not None:
            progress(result)
        gathered.append(result)
    return gathered


def _fingerprints(class_folder: Path) -> dict[str, str]:
    folder = Path(class_folder) / results.SUBMITTED
    return {
        str(path.relative_to(class_folder)): hashlib.sha256(path.read_bytes()).hexdigest()
        for path in sorted(folder.rglob("*"))
        if path.is_file()
    }


def grade_notebook(job: Job) -> results.NotebookResult:
    """Grade one collected notebook and save its result (runs in a worker thread)."""
    template_path = Path(job.course_root) / RELEASE_DIR / job.module / f"{job.module}.ipynb"
    exercises = exercises_of(str(template_path))
    result = results.NotebookResult(job.learner, job.module, results.GRADED_STATUS, nom=job.name)
    result.isolement = results.FULL_ISOLATION if job.sandbox.isolated else results.PARTIAL_ISOLATION
    result.points_max = 0.0
    submission = _read(results.submitted_path(job.class_folder, job.module, job.learner))
    template = nbformat.read(template_path, as_version=4)
    if submission is None:
        result.statut = results.UNREADABLE
    elif not _same_assignment(template, submission):
        result.statut = results.OTHER_ASSIGNMENT
    else:
        try:
            _run_and_judge(job, template, submission, exercises, result)
        except Exception as error:  # one broken submission never stops the batch
            result.statut = results.UNREADABLE
            result.questions, result.points = [], 0.0
            result.alertes.append(
                f"La correction de ce notebook a échoué ({type(error).__name__})."
            )
    results.save_result(job.class_folder, result)
    return result


def _run_and_judge(
    job: Job,
    template: nbformat.NotebookNode,
    submission: nbformat.NotebookNode,
    exercises: tuple[Exercise, ...],
    result: results.NotebookResult,
) -> None:
    prepared = prepare(template, submission, exercises)
    scratch = Path(job.class_folder) / results.SCRATCH / f"{job.module}--{job.learner}"
    shutil.rmtree(scratch, ignore_errors=True)
    scratch.mkdir(parents=True)
    try:
        outcome = run_notebook(
            prepared.notebook,
            job.sandbox,
            scratch,
            job.cell_timeout,
            protected=Path(job.class_folder),
            last_needed=max(prepared.report_cells.values(), default=None),
        )
    finally:
        shutil.rmtree(scratch, ignore_errors=True)
    result.questions = judge(prepared, outcome, exercises)
    result.statut = notebook_status(outcome, result.questions)
    result.points = sum(question.points for question in result.questions)
    result.points_max = sum(question.points_max for question in result.questions)
    result.alertes = prepared.alerts + [
        f"Question {question.id} arrêtée par la correction : {question.etat}."
        for question in result.questions
        if question.etat in (results.QUESTION_TIMED_OUT, results.QUESTION_KERNEL_DIED)
    ]
    if outcome.truncated_bytes:
        result.alertes.append(
            f"Sorties trop volumineuses : {outcome.truncated_bytes:,} octets n'ont pas été "
            "gardés.".replace(",", "\u202f")
        )
    result.duree_s = round(outcome.seconds, 2)
    graded = Path(job.class_folder) / results.GRADED / job.module / f"{job.learner}.ipynb"
    results.write_json(graded, prepared.notebook)


def _read(path: Path) -> nbformat.NotebookNode | None:
    """The notebook, or None when it is not one nbformat can read and validate."""
    try:
        notebook = nbformat.reads(path.read_text("utf-8", errors="surrogateescape"), as_version=4)
        nbformat.validate(notebook)
    except Exception:  # any unreadable file is reported as such, never raised
        return None
    return notebook


_GENERIC_ID = re.compile(r"^(q\d+-(reponse|verification)|configuration|telechargement)$")


def _same_assignment(template: nbformat.NotebookNode, submission: nbformat.NotebookNode) -> bool:
    """The submission imports the template's lesson; or, when its first cell was changed,
    it still holds one of the template's own cells (every module has a `q1-reponse`)."""
    theirs = lesson_name(submission)
    if theirs is not None:
        return theirs == lesson_name(template)
    specific = {grade_id(cell) for cell in template.cells} - {None}
    specific = {name for name in specific if not _GENERIC_ID.match(name)}
    received = {grade_id(cell) for cell in submission.cells}
    return not specific or bool(specific & received)


def default_jobs() -> int:
    return max(1, len(os.sched_getaffinity(0)))
