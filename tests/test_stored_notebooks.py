"""Notebooks are stored clean, and notebooks/ is exactly what `atelier release` makes."""

from __future__ import annotations

import shutil
from pathlib import Path

import nbformat
import pytest

from conftest import NOTEBOOKS, ROOT, SOLUTIONS
from curriculum.release import release_module
from curriculum.syllabus import load_course_syllabus

STORED = sorted([*SOLUTIONS.glob("*/*.ipynb"), *NOTEBOOKS.glob("*/*.ipynb")])


@pytest.mark.parametrize("path", STORED, ids=lambda path: str(path.relative_to(ROOT)))
def test_notebook_is_stored_without_outputs(path: Path) -> None:
    notebook = nbformat.read(path, as_version=4)
    nbformat.validate(notebook)
    assert "widgets" not in notebook.metadata
    for cell in notebook.cells:
        if cell.cell_type == "code":
            assert cell.outputs == [], cell.id
            assert cell.execution_count is None, cell.id
        assert "execution" not in cell.metadata, cell.id


def copy_of_the_course(destination: Path) -> Path:
    """What a release reads, copied: releasing cleans solutions/ in place, never the checkout's."""
    shutil.copytree(SOLUTIONS, destination / "solutions")
    (destination / "curriculum").mkdir()
    for name in ("syllabus.toml", "facts.toml", "glossary.toml"):
        shutil.copy(ROOT / "curriculum" / name, destination / "curriculum" / name)
    shutil.copy(ROOT / "nbgrader_config.py", destination / "nbgrader_config.py")
    return destination


def files_under(folder: Path) -> dict[Path, bytes]:
    return {
        path.relative_to(folder): path.read_bytes() for path in folder.rglob("*") if path.is_file()
    }


def test_learner_notebooks_equal_a_fresh_release_and_solutions_are_stored_clean(
    tmp_path: Path,
) -> None:
    available = [
        module.id for module in load_course_syllabus(ROOT).modules if module.status == "available"
    ]
    assert available
    course = copy_of_the_course(tmp_path / "cours")
    released = tmp_path / "publication"
    for module_id in available:
        release_module(course, module_id, released)
        fresh = files_under(released / module_id)
        stored = files_under(NOTEBOOKS / module_id)
        assert fresh.keys() == stored.keys(), module_id
        for relative, content in fresh.items():
            assert stored[relative] == content, (
                f"{relative} diffère d'une publication fraîche : lancez `atelier release`."
            )
    assert files_under(course / "solutions") == files_under(SOLUTIONS), (
        "solutions/ n'est pas enregistré propre : lancez `atelier release`."
    )


def test_learner_versions_hold_no_solution_and_no_hidden_test() -> None:
    for path in NOTEBOOKS.glob("*/*.ipynb"):
        text = path.read_text(encoding="utf-8")
        for marker in ("BEGIN SOLUTION", "END SOLUTION", "BEGIN HIDDEN TESTS", ".grade("):
            assert marker not in text, (path.name, marker)
