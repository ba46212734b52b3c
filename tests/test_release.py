"""`atelier release` on a tiny fake course: what the learner receives, and nothing else."""

from __future__ import annotations

import shutil
from pathlib import Path

import nbformat
import pytest
from nbformat.v4 import new_code_cell, new_markdown_cell, new_notebook, new_output
from nbgrader.utils import compute_checksum

from curriculum.check import check_course
from curriculum.cli import main
from curriculum.index_page import BEGIN_MARKER, END_MARKER
from curriculum.release import ReleaseError, release_module

ROOT = Path(__file__).resolve().parent.parent
MODULE = "01-essai"

SYLLABUS = """
[course]
title = "Cours d'essai"
commune = "Clairval-sur-Ondine"

[[modules]]
id = "00-accueil"
title = "Bienvenue"
minutes = 5
audiences = ["agents"]
objectives = ["Choisir un parcours."]
prerequisites = []
notebook = "00-accueil/00-accueil.ipynb"
status = "available"

[[modules]]
id = "01-essai"
title = "Un essai"
minutes = 10
audiences = ["agents"]
objectives = ["Répondre à une question."]
prerequisites = []
notebook = "01-essai/01-essai.ipynb"
status = "available"

[[paths]]
id = "essai"
title = "Parcours d'essai"
audience = "agents"
description = "Un parcours pour les tests."
minutes = 15
steps = [{ module = "00-accueil" }, { module = "01-essai" }]
"""

ANSWER = 'reponse_q1 = ...\n### BEGIN SOLUTION\nreponse_q1 = "B"\n### END SOLUTION'
CHECK = (
    'assert reponse_q1 in "ABC", "Choisissez A, B ou C."\n'
    "### BEGIN HIDDEN TESTS\n"
    'assert reponse_q1 == "B"\n'
    "### END HIDDEN TESTS"
)


def nbgrader(grade_id: str, **flags: object) -> dict[str, object]:
    return {"nbgrader": {"grade_id": grade_id, "schema_version": 3, "task": False, **flags}}


def exercise_notebook() -> nbformat.NotebookNode:
    """An exercise as a maintainer leaves it after running it in JupyterLab."""
    answer = new_code_cell(
        ANSWER, metadata=nbgrader("q1-reponse", grade=False, solution=True, locked=False)
    )
    check = new_code_cell(
        CHECK,
        metadata=nbgrader("q1-verification", grade=True, solution=False, locked=True, points=1),
    )
    for number, cell in enumerate((answer, check), 1):
        cell.execution_count = number
        cell.outputs = [new_output("stream", name="stdout", text="Bravo !\n")]
        cell.metadata["execution"] = {"iopub.status.idle": "2026-01-01T00:00:00.000Z"}
    notebook = new_notebook(cells=[new_markdown_cell("# Un essai"), answer, check])
    notebook.metadata["kernelspec"] = {
        "name": "python3",
        "display_name": "Python 3",
        "language": "python",
    }
    notebook.metadata["widgets"] = {"application/vnd.jupyter.widget-state+json": {"state": {}}}
    return notebook


def welcome_notebook() -> nbformat.NotebookNode:
    section = f"## Les parcours\n\n{BEGIN_MARKER}\n{END_MARKER}"
    return new_notebook(cells=[new_markdown_cell("# Bienvenue"), new_markdown_cell(section)])


@pytest.fixture
def course(tmp_path: Path) -> Path:
    shutil.copy(ROOT / "nbgrader_config.py", tmp_path / "nbgrader_config.py")
    (tmp_path / "curriculum").mkdir()
    (tmp_path / "curriculum" / "syllabus.toml").write_text(SYLLABUS, encoding="utf-8")
    for module, notebook in ((MODULE, exercise_notebook()), ("00-accueil", welcome_notebook())):
        (tmp_path / "solutions" / module).mkdir(parents=True)
        nbformat.write(notebook, tmp_path / "solutions" / module / f"{module}.ipynb")
    (tmp_path / "solutions" / MODULE / "donnees.csv").write_text("a,b\n1,2\n", encoding="utf-8")
    return tmp_path


def solution_path(course: Path) -> Path:
    return course / "solutions" / MODULE / f"{MODULE}.ipynb"


def learner_cells(course: Path) -> list[nbformat.NotebookNode]:
    path = course / "notebooks" / MODULE / f"{MODULE}.ipynb"
    return nbformat.read(path, as_version=4).cells


def test_learner_version(course: Path, capfd: pytest.CaptureFixture[str]) -> None:
    files = release_module(course, MODULE, course / "notebooks")
    assert files == [
        course / "notebooks" / MODULE / "01-essai.ipynb",
        course / "notebooks" / MODULE / "donnees.csv",
    ]
    assert capfd.readouterr() == ("", "")  # nbgrader's log stays quiet

    notebook = nbformat.read(files[0], as_version=4)
    assert "widgets" not in notebook.metadata
    _title, answer, check = notebook.cells
    assert answer.source == "reponse_q1 = ..."
    assert check.source == 'assert reponse_q1 in "ABC", "Choisissez A, B ou C."'
    assert check.metadata.tags == ["raises-exception"]
    assert "tags" not in answer.metadata
    for cell in (answer, check):
        assert cell.outputs == [] and cell.execution_count is None
        assert "execution" not in cell.metadata
        # nbgrader's Validate button compares these checksums with the cell.
        assert cell.metadata.nbgrader.checksum == compute_checksum(cell)
    assert [cell.id for cell in notebook.cells] == [
        cell.id for cell in nbformat.read(solution_path(course), as_version=4).cells
    ]


def test_solution_is_cleaned_in_place_and_keeps_its_answers(course: Path) -> None:
    release_module(course, MODULE, course / "notebooks")
    notebook = nbformat.read(solution_path(course), as_version=4)
    assert "widgets" not in notebook.metadata
    _title, answer, check = notebook.cells
    assert answer.source == ANSWER and check.source == CHECK
    assert "tags" not in check.metadata
    for cell in (answer, check):
        assert cell.outputs == [] and cell.execution_count is None
        assert "execution" not in cell.metadata

    before = solution_path(course).stat().st_mtime_ns
    release_module(course, MODULE, course / "notebooks")
    assert solution_path(course).stat().st_mtime_ns == before  # clean: not rewritten


def test_two_releases_are_byte_identical(
    course: Path, tmp_path_factory: pytest.TempPathFactory
) -> None:
    first, second = tmp_path_factory.mktemp("premier"), tmp_path_factory.mktemp("second")
    release_module(course, MODULE, first)
    release_module(course, MODULE, second)
    for name in ("01-essai.ipynb", "donnees.csv"):
        content = (first / MODULE / name).read_bytes()
        assert content == (second / MODULE / name).read_bytes()
    assert content.endswith(b"\n")


def test_release_replaces_only_the_module_folder(course: Path) -> None:
    stale = course / "notebooks" / MODULE / "ancien.ipynb"
    other = course / "notebooks" / "autre" / "garder.txt"
    for path in (stale, other):
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text("{}", encoding="utf-8")
    release_module(course, MODULE, course / "notebooks")
    assert not stale.exists()
    assert other.exists()


def test_welcome_release_fills_the_list_of_paths(course: Path) -> None:
    release_module(course, "00-accueil", course / "notebooks")
    release_module(course, MODULE, course / "notebooks")
    for folder in ("solutions", "notebooks"):
        path = course / folder / "00-accueil" / "00-accueil.ipynb"
        section = nbformat.read(path, as_version=4).cells[1].source
        assert "[Un essai](../01-essai/01-essai.ipynb)" in section
    assert check_course(course) == []


def test_broken_solution_gives_a_french_error_and_keeps_the_release(course: Path) -> None:
    release_module(course, MODULE, course / "notebooks")
    released = (course / "notebooks" / MODULE / "01-essai.ipynb").read_bytes()
    notebook = nbformat.read(solution_path(course), as_version=4)
    notebook.cells[1].source = "reponse_q1 = ...\n### BEGIN SOLUTION\nreponse_q1 = 'B'"
    nbformat.write(notebook, solution_path(course))

    with pytest.raises(ReleaseError, match="n'a pas de ### END SOLUTION"):
        release_module(course, MODULE, course / "notebooks")
    assert (course / "notebooks" / MODULE / "01-essai.ipynb").read_bytes() == released


def test_unknown_module(
    course: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    with pytest.raises(ReleaseError, match="Module inconnu : « 99-inconnu »"):
        release_module(course, "99-inconnu", course / "notebooks")

    monkeypatch.chdir(course)
    assert main(["release", "99-inconnu"]) == 1
    captured = capsys.readouterr()
    assert "module inconnu : 99-inconnu" in captured.err
    assert "Traceback" not in captured.out + captured.err
    assert not (course / "notebooks").exists()


def test_cli_release_prints_one_french_line_per_module(
    course: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.chdir(course)
    assert main(["release"]) == 0
    lines = capsys.readouterr().out.splitlines()
    assert lines[:2] == [
        "00-accueil : version apprenante écrite dans notebooks/00-accueil/ (1 fichier).",
        "01-essai : version apprenante écrite dans notebooks/01-essai/ (2 fichiers).",
    ]
    assert lines[2].startswith("2 modules publiés en ")
    assert main(["check"]) == 0
