"""Notebooks are stored clean, and notebooks/ is exactly what `atelier release` makes."""

from __future__ import annotations

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


def test_learner_notebooks_equal_a_fresh_release(tmp_path: Path) -> None:
    available = [
        module.id for module in load_course_syllabus(ROOT).modules if module.status == "available"
    ]
    assert available
    for module_id in available:
        release_module(ROOT, module_id, tmp_path)
        fresh = {
            path.relative_to(tmp_path): path.read_bytes()
            for path in (tmp_path / module_id).rglob("*")
            if path.is_file()
        }
        stored = {
            path.relative_to(NOTEBOOKS): path.read_bytes()
            for path in (NOTEBOOKS / module_id).rglob("*")
            if path.is_file()
        }
        assert fresh.keys() == stored.keys(), module_id
        for relative, content in fresh.items():
            assert stored[relative] == content, (
                f"{relative} diffère d'une publication fraîche : lancez `atelier release`."
            )


def test_learner_versions_hold_no_solution_and_no_hidden_test() -> None:
    for path in NOTEBOOKS.glob("*/*.ipynb"):
        text = path.read_text(encoding="utf-8")
        for marker in ("BEGIN SOLUTION", "END SOLUTION", "BEGIN HIDDEN TESTS", ".grade("):
            assert marker not in text, (path.name, marker)
