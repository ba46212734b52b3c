"""nbgrader end to end: release, three simulated learners, validate, autograde.

nbgrader's own chain serves the formgrader page and the « Validate » button of the
trainer's view; `atelier grade` (tests/test_grading_class.py) grades every module.
Here three representative modules go through nbgrader: plain values (01), a trained
model (08), conditions an engine checks (10). The hidden tests of every exercise
have the same shape, checked for each one in tests/test_exercises.py.

Learners start from the committed learner notebook (notebooks/), as on Binder:
one answers everything right, one hands in a blank notebook, one gets the
first exercise wrong. Scores are read from nbgrader's gradebook. nbgrader's
`validate` command always exits 0, so validation goes through its Validator.
"""

from __future__ import annotations

import shutil
from pathlib import Path

import nbformat
import pytest
from nbgrader.api import Gradebook
from nbgrader.apps import NbGraderAPI
from nbgrader.validator import Validator
from traitlets.config import Config
from traitlets.config.loader import PyFileConfigLoader

from conftest import ROOT, learner_path, lesson_for, solution_path


def course_config(root: Path) -> Config:
    config = PyFileConfigLoader("nbgrader_config.py", path=str(ROOT)).load_config()
    config.CourseDirectory.root = str(root)
    config.CourseDirectory.source_directory = "source"
    config.CourseDirectory.release_directory = "release"
    config.Exchange.root = str(root / "exchange")
    return config


def answer_cells(notebook: nbformat.NotebookNode) -> dict[str, nbformat.NotebookNode]:
    return {
        cell.metadata.nbgrader.grade_id: cell
        for cell in notebook.cells
        if cell.metadata.get("nbgrader", {}).get("solution")
    }


def submissions(module: str) -> dict[str, nbformat.NotebookNode]:
    solved = answer_cells(nbformat.read(solution_path(module), as_version=4))
    exercises = lesson_for(module).EXERCISES

    def learner() -> nbformat.NotebookNode:
        return nbformat.read(learner_path(module), as_version=4)

    all_right, blank, one_wrong = learner(), learner(), learner()
    for grade_id, cell in answer_cells(all_right).items():
        cell.source = solved[grade_id].source
    for grade_id, cell in answer_cells(one_wrong).items():
        cell.source = solved[grade_id].source
    first = exercises[0]
    answer_cells(one_wrong)[
        f"{first.id}-reponse"
    ].source = f"{first.variable} = {first.wrong_examples[0]!r}"
    return {"alice": all_right, "bruno": blank, "chloe": one_wrong}


NBGRADER_MODULES = ("01-prise-en-main", "08-trier-les-demandes", "10-scores-et-equite")


@pytest.mark.parametrize("module", NBGRADER_MODULES)
def test_release_submit_autograde_validate(module: str, tmp_path: Path) -> None:
    shutil.copytree(ROOT / "solutions" / module, tmp_path / "source" / module)
    api = NbGraderAPI(config=course_config(tmp_path))
    assert api.generate_assignment(module)["success"]

    exercises = lesson_for(module).EXERCISES
    total = len(exercises)
    expected = {"alice": total, "bruno": 0, "chloe": total - 1}
    for student, notebook in submissions(module).items():
        folder = tmp_path / "submitted" / student / module
        folder.mkdir(parents=True)
        nbformat.write(notebook, folder / f"{module}.ipynb")

        if student == "chloe":
            # What nbgrader's « Validate » button tells a learner before handing in: only
            # the wrong exercise fails, in one French sentence. (The scores of all three
            # learners, checked below, cover the right and the blank notebooks.)
            validation = Validator().validate(str(folder / f"{module}.ipynb"))
            failed = validation.get("failed", [])
            assert "changed" not in validation and "type_changed" not in validation
            assert len(failed) == 1
            assert "Pas encore tout à fait" in failed[0]["raw_error"]
            assert "Traceback" not in failed[0]["raw_error"]

        result = api.autograde(module, student, force=True, create=True)
        assert result["success"], result.get("log")

    with Gradebook(f"sqlite:///{tmp_path / 'gradebook.db'}") as gradebook:
        for student, score in expected.items():
            submission = gradebook.find_submission(module, student)
            assert submission.score == score, student
            assert submission.max_score == total
        wrong_cell = gradebook.find_grade(
            f"{exercises[0].id}-verification", module, module, "chloe"
        )
        assert wrong_cell.score == 0
