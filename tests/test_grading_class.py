"""A class graded end to end, as a trainer would: collect a zip, grade, report, feedback.

The corpus (`grading_corpus`) holds right, blank, wrong and broken submissions
of modules 01 and 08, and submissions that try to escape: reach a local
listener, write outside the class folder, rewrite their own submitted file,
read another learner's notebook, read the trainer's environment. Expected
states come from the corpus (written by hand), points from the course's
notebooks (nbgrader metadata), never from the grader.
"""

from __future__ import annotations

import csv
import hashlib
import io
import json
import socket
import zipfile
from pathlib import Path

import nbformat
import pytest
from grading_corpus import CASES_01, CASES_08, Case, build
from test_grading import submissions

from conftest import ROOT, graded_modules, learner_path, lesson_for
from curriculum.grading import results
from curriculum.grading.collect import collect
from curriculum.grading.feedback import write_feedback
from curriculum.grading.grade import grade_class
from curriculum.grading.report import write_report
from curriculum.grading.sandbox import find_sandbox

CELL_TIMEOUT = 10
SECRET = "ATELIER_SECRET_DE_TEST"
CASES = {
    **{f"{name}_01-prise-en-main.ipynb": case for name, case in CASES_01.items()},
    **{f"{name}_08-trier-les-demandes.ipynb": case for name, case in CASES_08.items()},
}


def points_per_exercise(module: str) -> dict[str, float]:
    notebook = nbformat.read(learner_path(module), as_version=4)
    return {
        cell.metadata.nbgrader.grade_id.removesuffix("-verification"): cell.metadata.nbgrader.points
        for cell in notebook.cells
        if cell.metadata.get("nbgrader", {}).get("grade")
    }


def learner_of(file_name: str) -> str:
    return file_name.split("_")[0]


def fingerprints(folder: Path) -> dict[str, str]:
    return {
        str(path.relative_to(folder)): hashlib.sha256(path.read_bytes()).hexdigest()
        for path in sorted(folder.rglob("*"))
        if path.is_file()
    }


class Graded:
    """Everything one graded class left behind."""

    def __init__(
        self,
        root: Path,
        cases: dict[str, Case],
        sandbox_isolated: bool,
        monkeypatch: pytest.MonkeyPatch,
    ):
        self.root = root
        self.class_folder = root / "classe"
        self.outside = root / "dehors"
        self.outside.mkdir()
        self.listener = socket.create_server(("127.0.0.1", 0))
        self.listener.settimeout(0.2)
        port = self.listener.getsockname()[1]
        self.source = root / "recus.zip"
        with zipfile.ZipFile(self.source, "w") as archive:
            for file_name, case in cases.items():
                learner = learner_of(file_name)
                fill = {
                    "port": str(port),
                    "outside": str(self.outside),
                    "submitted": str(
                        results.submitted_path(self.class_folder, case.module, learner)
                    ),
                    "other": str(results.submitted_path(self.class_folder, case.module, "juste")),
                }
                archive.writestr(file_name, json.dumps(build(case, **fill)))
            archive.writestr("notes-de-cours.pdf", b"%PDF-1.4")
            archive.writestr("casse_01-prise-en-main.ipynb", b'{"cells": [')
            other_module = build(CASES_08["juste"])
            archive.writestr("intrus_01-prise-en-main.ipynb", json.dumps(other_module))
        self.source_before = hashlib.sha256(self.source.read_bytes()).hexdigest()
        monkeypatch.setenv(SECRET, "fuite")
        self.collected = collect(self.source, self.class_folder, ROOT)
        self.submitted_before = fingerprints(self.class_folder / results.SUBMITTED)
        self.sandbox = find_sandbox(allow_bwrap=sandbox_isolated)
        modules = ["01-prise-en-main", "08-trier-les-demandes"]
        self.summary = grade_class(
            self.class_folder, ROOT, modules, self.sandbox, CELL_TIMEOUT, jobs=2
        )
        self.results = {
            (result.module, result.identifiant): result for result in self.summary.results
        }
        self.report = write_report(self.class_folder, ROOT)
        self.pages = write_feedback(self.class_folder, ROOT)

    def connections(self) -> int:
        count = 0
        while True:
            try:
                connection, _ = self.listener.accept()
            except TimeoutError:
                return count
            connection.close()
            count += 1


@pytest.fixture(scope="module")
def graded(tmp_path_factory: pytest.TempPathFactory) -> Graded:
    sandbox = find_sandbox()
    if not sandbox.isolated:
        pytest.skip(f"bubblewrap indisponible : {sandbox.reason}")
    with pytest.MonkeyPatch.context() as monkeypatch:
        done = Graded(tmp_path_factory.mktemp("classe-isolee"), CASES, True, monkeypatch)
    yield done
    done.listener.close()


@pytest.mark.parametrize("file_name", CASES)
def test_every_case_is_graded_as_written_by_hand(graded: Graded, file_name: str) -> None:
    case: Case = CASES[file_name]
    result = graded.results[(case.module, learner_of(file_name))]
    assert result.statut == case.status
    assert {question.id: question.etat for question in result.questions} == case.states
    weights = points_per_exercise(case.module)
    expected = sum(
        weights[exercise] for exercise, state in case.states.items() if state == "correcte"
    )
    assert result.points == expected
    assert result.points_max == sum(weights.values())
    for words in case.alerts:
        assert any(words in alert for alert in result.alertes), (words, result.alertes)
    for question in result.questions:
        assert question.message.strip() and "Traceback" not in question.message
    assert result.isolement == results.FULL_ISOLATION


def test_checkers_cannot_be_switched_off_from_an_answer_cell(graded: Graded) -> None:
    """Redefining atelier.qN.check/grade and Exercise.grade leaves a blank notebook at 0."""
    result = graded.results[("01-prise-en-main", "verificateurs-redefinis")]
    assert result.points == 0 and result.points_max == 4


def test_graded_code_reaches_neither_network_nor_files_nor_secrets(graded: Graded) -> None:
    assert graded.connections() == 0
    assert list(graded.outside.iterdir()) == []
    graded_notebook = json.loads(
        (graded.class_folder / results.GRADED / "01-prise-en-main" / "evasions.ipynb").read_text()
    )
    printed = "".join(
        output.get("text", "")
        for cell in graded_notebook["cells"]
        for output in cell.get("outputs", [])
    )
    expected = "[('autre', 'bloque'), ('ecriture', 'bloque'), ('reseau', 'bloque'), "
    expected += "('secret', 'absent'), ('soumis', 'bloque')]"
    assert f"TENTATIVES {expected}" in printed


def test_received_and_collected_files_are_never_modified(graded: Graded) -> None:
    assert hashlib.sha256(graded.source.read_bytes()).hexdigest() == graded.source_before
    assert fingerprints(graded.class_folder / results.SUBMITTED) == graded.submitted_before
    assert graded.summary.changed_files == []


def running_commands() -> list[str]:
    commands = []
    for folder in Path("/proc").glob("[0-9]*"):
        try:
            commands.append((folder / "cmdline").read_bytes().replace(b"\0", b" ").decode())
        except OSError:
            continue
    return commands


def test_no_kernel_nor_process_of_a_learner_is_left_running(graded: Graded) -> None:
    leftovers = [
        command
        for command in running_commands()
        if "atelier-noyau-" in command or "sleep 317" in command
    ]
    assert leftovers == []


def test_huge_output_is_capped_in_bytes(graded: Graded) -> None:
    folder = graded.class_folder / results.GRADED
    sizes = {path.name: path.stat().st_size for path in folder.rglob("*.ipynb")}
    assert max(sizes.values()) < 2_000_000, sizes
    assert not (graded.class_folder / results.SCRATCH).exists()


def test_refused_files_are_reported_with_their_reason(graded: Graded) -> None:
    rows = list(
        csv.DictReader(
            io.StringIO((graded.class_folder / "rapport" / "notes.csv").read_text("utf-8-sig")),
            delimiter=";",
        )
    )
    by_learner = {(row["identifiant"], row["module"]): row for row in rows}
    assert by_learner[("casse", "01-prise-en-main")]["statut"] == results.UNREADABLE
    assert by_learner[("intrus", "01-prise-en-main")]["statut"] == results.OTHER_ASSIGNMENT
    assert by_learner[("juste", "01-prise-en-main")]["points"] == "4"
    assert by_learner[("blanc", "01-prise-en-main")]["statut"] == results.GRADED_STATUS
    assert by_learner[("blanc", "01-prise-en-main")]["points"] == "0"
    page = (graded.class_folder / "rapport" / "index.html").read_text("utf-8")
    assert "notes-de-cours.pdf" in page
    assert "sans isolement complet" not in page


def test_each_learner_gets_a_feedback_page(graded: Graded) -> None:
    learners = {learner_of(name) for name in CASES} | {"casse", "intrus"}
    assert {path.stem for path in graded.pages} == learners
    page = (graded.class_folder / results.FEEDBACK / "noyau-arrete-en-q3.html").read_text("utf-8")
    assert "3 sur 4" in page and "Rien à revoir" not in page


def test_without_bubblewrap_the_fallback_still_refuses_escapes(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The guarded kernel (an audit hook) refuses the same escapes; results say « partielle »."""
    few = {name: case for name, case in CASES.items() if learner_of(name) in ("evasions", "juste")}
    graded = Graded(tmp_path, few, False, monkeypatch)
    assert graded.connections() == 0
    assert list(graded.outside.iterdir()) == []
    for result in graded.summary.results:
        assert result.isolement == results.PARTIAL_ISOLATION
        assert result.points == result.points_max
    page = (graded.class_folder / "rapport" / "index.html").read_text("utf-8")
    assert "sans isolement complet" in page


@pytest.fixture(scope="module")
def every_module(tmp_path_factory: pytest.TempPathFactory) -> dict[tuple[str, str], object]:
    """Every graded module, one right and one one-wrong learner, graded in the sandbox."""
    sandbox = find_sandbox()
    if not sandbox.isolated:
        pytest.skip(f"bubblewrap indisponible : {sandbox.reason}")
    class_folder = tmp_path_factory.mktemp("tous-les-modules")
    for module in graded_modules():
        learners = submissions(module)
        for learner in ("alice", "chloe"):
            path = results.submitted_path(class_folder, module, learner)
            path.parent.mkdir(parents=True)
            nbformat.write(learners[learner], path)
    summary = grade_class(class_folder, ROOT, graded_modules(), sandbox, 60, jobs=2)
    return {(result.module, result.identifiant): result for result in summary.results}


@pytest.mark.parametrize("module", graded_modules())
def test_every_module_grades_in_the_sandbox_as_its_self_check_says(
    every_module: dict, module: str
) -> None:
    """The whole course runs in the sandbox (imports, data, models within the memory
    ceiling), and the grade agrees with the self-check: all right, then one wrong."""
    total = len(lesson_for(module).EXERCISES)
    right, one_wrong = every_module[(module, "alice")], every_module[(module, "chloe")]
    assert (right.statut, right.points, right.points_max) == ("corrigé", total, total), right
    assert one_wrong.points == total - 1
    first = lesson_for(module).EXERCISES[0].id
    assert [q.id for q in one_wrong.questions if q.etat != "correcte"] == [first]
