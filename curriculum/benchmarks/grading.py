"""`atelier grade` on a simulated class: 30 learners × every graded module.

The floor is what grading cannot beat: the sum of the notebooks' own run
times (each learner notebook run once, top to bottom, in a plain kernel)
divided by the cores. The class is graded with `atelier grade`'s engine, one
notebook per core at a time, in the sandbox this machine allows; the target
is at most 1.3 × the floor. nbgrader's own overhead per notebook (its
`autograde` minus the notebook's own run time) is reported for comparison.
Everything happens in a temporary folder.
"""

from __future__ import annotations

import asyncio
import os
import shutil
import statistics
import sys
import tempfile
import time
import warnings
from pathlib import Path

import nbformat

from curriculum.benchmarks.core import BenchContext, Row, format_number, timing_row
from curriculum.benchmarks.notebooks import run_once
from curriculum.course import RELEASE_DIR, SOURCE_DIR
from curriculum.grading import results
from curriculum.grading.grade import default_jobs, grade_class, graded_modules
from curriculum.grading.prepare import grade_id
from curriculum.grading.sandbox import find_sandbox

SUBJECT = "correction"
LEARNERS = 30
TARGET_RATIO = 1.3
NBGRADER_RUNS = 3


def measure_grading(context: BenchContext) -> list[Row]:
    """Wall time of grading the simulated class against the floor, and nbgrader's overhead."""
    if not context.selected(SUBJECT):
        return []
    modules = graded_modules(context.root)
    jobs = default_jobs()
    own = {module: _own_seconds(context, module) for module in modules}
    floor = LEARNERS * sum(own.values()) / jobs
    sandbox = find_sandbox()
    with tempfile.TemporaryDirectory() as folder:
        class_folder = Path(folder) / "classe"
        for module in modules:
            _simulate_class(context.root, module, class_folder)
        started = time.perf_counter()
        summary = grade_class(class_folder, context.root, modules, sandbox, 120, jobs)
        wall = time.perf_counter() - started
    graded = [result for result in summary.results if result.statut == results.GRADED_STATUS]
    full_marks = sum(
        result.points == result.points_max
        for result in graded
        if int(result.identifiant.rsplit("-", 1)[1]) % 3 == 0
    )
    count = len(summary.results)
    isolation = "bubblewrap" if sandbox.isolated else "sans isolement complet"
    per_notebook = wall * jobs / count - statistics.mean(own.values()) if count else None
    rows = [
        Row(
            "correction:plancher",
            f"Correction de {LEARNERS} apprenants × {len(modules)} modules : plancher",
            floor,
            "s",
            None,
            f"somme des durées propres des notebooks ÷ {jobs} cœurs",
        ),
        Row(
            "correction:duree",
            f"Correction de {LEARNERS} apprenants × {len(modules)} modules : durée réelle",
            wall,
            "s",
            round(TARGET_RATIO * floor, 1),
            f"{count} notebooks ({len(graded)} corrigés ; {full_marks} des "
            f"{LEARNERS // 3 * len(modules)} copies justes ont tous leurs points), "
            f"{jobs} à la fois, {isolation}",
        ),
        Row(
            "correction:rapport",
            "Correction : durée réelle ÷ plancher",
            wall / floor if floor else None,
            "×",
            TARGET_RATIO,
        ),
        Row(
            "correction:surcout",
            "Correction : surcoût par notebook (bac à sable, préparation, jugement)",
            per_notebook,
            "s",
            None,
            "durée réelle × cœurs ÷ notebooks − durée propre moyenne d'un notebook",
        ),
    ]
    return [*rows, _nbgrader_overhead(context, modules[0], own[modules[0]])]


def _own_seconds(context: BenchContext, module: str) -> float:
    """One top-to-bottom run of the learner notebook in a plain kernel."""
    path = context.root / RELEASE_DIR / module / f"{module}.ipynb"
    run = asyncio.run(run_once(path, context.env))
    if run.seconds is None:
        raise RuntimeError(run.error or module)
    return run.seconds


def _simulate_class(root: Path, module: str, class_folder: Path) -> None:
    """LEARNERS copies of the learner notebook: a third right, a third blank, a third with
    the first answer missing."""
    learner = nbformat.read(root / RELEASE_DIR / module / f"{module}.ipynb", as_version=4)
    solution = nbformat.read(root / SOURCE_DIR / module / f"{module}.ipynb", as_version=4)
    answers = {
        grade_id(cell): cell.source
        for cell in solution.cells
        if cell.metadata.get("nbgrader", {}).get("solution")
    }
    for number in range(LEARNERS):
        notebook = nbformat.from_dict(learner)
        if number % 3 != 1:
            answered = [c for c in notebook.cells if grade_id(c) in answers]
            for cell in answered[1:] if number % 3 == 2 else answered:
                cell.source = answers[grade_id(cell)]
        path = results.submitted_path(class_folder, module, f"apprenant-{number:02d}")
        path.parent.mkdir(parents=True, exist_ok=True)
        nbformat.write(notebook, path)


def _nbgrader_overhead(context: BenchContext, module: str, own: float) -> Row:
    """nbgrader autograde of one notebook, minus the notebook's own run time."""
    from nbgrader.apps import NbGraderAPI

    from curriculum.nbgrader_generate import load_course_config

    key, name = "correction:nbgrader", f"nbgrader autograde ({module}) : surcoût par notebook"
    bin_folder = str(Path(sys.executable).parent)
    os.environ["PATH"] = f"{bin_folder}:{os.environ.get('PATH', '')}"  # nbgrader runs alembic
    with tempfile.TemporaryDirectory() as folder:
        course = Path(folder)
        shutil.copytree(context.root / SOURCE_DIR / module, course / "source" / module)
        config = load_course_config(context.root)
        config.CourseDirectory.root = str(course)
        config.CourseDirectory.source_directory = "source"
        config.CourseDirectory.release_directory = "release"
        api = NbGraderAPI(config=config)
        if not api.generate_assignment(module)["success"]:
            return Row(key, name, None, "s", None, "nbgrader n'a pas pu préparer le module")
        submitted = course / "submitted" / "apprenant" / module
        submitted.mkdir(parents=True)
        shutil.copy(context.root / RELEASE_DIR / module / f"{module}.ipynb", submitted)
        durations = []
        for _ in range(NBGRADER_RUNS):
            started = time.perf_counter()
            with warnings.catch_warnings():
                warnings.simplefilter("ignore")  # nbgrader's own SQLAlchemy warnings
                api.autograde(module, "apprenant", force=True, create=True)
            durations.append(time.perf_counter() - started - own)
    row = timing_row(
        key, name, durations, None, f"durée propre du notebook : {format_number(own, 's')} s"
    )
    return row
