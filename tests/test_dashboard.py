"""The session dashboard: learners' saved notebooks in, counts and a French page out.

Each learner's home folder is built from the committed learner notebooks, with
the check cells' stored outputs written here by hand (the text a check cell
shows), so the expected counts are written down per learner, not recomputed by
the code under test.
"""

from __future__ import annotations

import json
import os
import re
from html.parser import HTMLParser
from pathlib import Path

import nbformat
import pytest
from nbclient import NotebookClient

from curriculum.dashboard import DashboardError, read_session, write_dashboard
from curriculum.dashboard_progress import RIGHT, UNTRIED, WRONG, verdict
from tests.conftest import ROOT, learner_path

SECRET = "RÉPONSE-SECRÈTE-4521"
"""Typed in every answer cell: it must never reach the page."""

# What a check cell stores in a learner's own session: text/plain and text/html.
SHOWN = {
    "right": "✔ Bonne réponse : c'est bien cela.",
    "wrong": "✘ Pas encore tout à fait : relisez la consigne.",
    "unread": "? Réponse non lue : la cellule de réponse a échoué.",
    "unanswered": "… Pas encore de réponse : remplacez les trois points.",
}


def _outputs(kind: str | None) -> list[dict]:
    if kind is None:
        return []
    if kind == "error":
        return [
            {
                "output_type": "error",
                "ename": "NameError",
                "evalue": "reponse_q1",
                "traceback": ["Le nom reponse_q1 n'existe pas encore."],
            }
        ]
    help_panel = {"model_id": "abc", "version_major": 2, "version_minor": 0}
    return [
        {
            "output_type": "display_data",
            "metadata": {},
            "data": {
                "text/plain": [SHOWN[kind]],
                "text/html": f"<div role='status'><strong>{SHOWN[kind]}</strong></div>",
            },
        },
        {
            "output_type": "display_data",
            "metadata": {},
            "data": {"application/vnd.jupyter.widget-view+json": help_panel},
        },
    ]


def notebook(module_id: str, checks: dict[str, str | None], *, opened: bool = True) -> str:
    """The committed learner notebook of `module_id`, as a learner saved it."""
    data = json.loads(learner_path(module_id).read_text(encoding="utf-8"))
    count = 0
    for cell in data["cells"]:
        if cell["cell_type"] != "code":
            continue
        grade_id = cell["metadata"].get("nbgrader", {}).get("grade_id", "")
        if grade_id.endswith("-reponse"):
            cell["source"] = [f'reponse = "{SECRET}"\n']
        if opened and (grade_id == "configuration" or grade_id.endswith("-verification")):
            count += 1
            cell["execution_count"] = count
        if grade_id.endswith("-verification"):
            cell["outputs"] = _outputs(checks.get(grade_id.removesuffix("-verification")))
    return json.dumps(data, ensure_ascii=False)


def put(home: Path, relative: str | bytes, content: str) -> Path:
    """Write `content` at `relative` below `home` (bytes for a name that is not UTF-8)."""
    path = Path(os.fsdecode(os.path.join(os.fsencode(home), os.fsencode(relative))))
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(content, encoding="utf-8")
    return path


ALICE_01 = {"q1": "right", "q2": "wrong", "q3": "unread", "q4": None}
DEBORAH = os.fsdecode(b"d\xe9borah")  # a Windows-1252 name: « déborah » for a person
EVE = "eve<script>alert(1)"  # a folder name cannot hold a slash
OTHER_COURSE = json.dumps(
    {
        "cells": [
            {"cell_type": "code", "source": "import pandas as pd", "metadata": {}, "outputs": []}
        ],
        "metadata": {},
        "nbformat": 4,
        "nbformat_minor": 5,
    }
)


@pytest.fixture(scope="module")
def homes(tmp_path_factory: pytest.TempPathFactory) -> Path:
    homes = tmp_path_factory.mktemp("home")
    alice = homes / "alice"
    # The course pulled by nbgitpuller: a copy with its own solutions/ (skipped).
    put(alice, "atelier-ia/nbgrader_config.py", "")
    put(alice, "atelier-ia/notebooks/01-prise-en-main/01-prise-en-main.ipynb",
        notebook("01-prise-en-main", ALICE_01))  # fmt: skip
    put(alice, "atelier-ia/solutions/01-prise-en-main/01-prise-en-main.ipynb",
        notebook("01-prise-en-main", dict.fromkeys(ALICE_01, "right")))  # fmt: skip
    put(alice, "atelier-ia/notebooks/01-prise-en-main/.ipynb_checkpoints/x-checkpoint.ipynb",
        notebook("01-prise-en-main", dict.fromkeys(ALICE_01, "right")))  # fmt: skip
    # Recognised by content, whatever its name; never run.
    put(alice, "Copie de mon travail.ipynb", notebook("08-trier-les-demandes", {}, opened=False))

    bruno = homes / "bruno"
    put(bruno, "travail.ipynb", notebook("01-prise-en-main", dict.fromkeys(ALICE_01, "right")))
    put(bruno, "atelier-ia/notebooks/01-prise-en-main/01-prise-en-main.ipynb",
        notebook("01-prise-en-main", {"q1": "wrong"}))  # fmt: skip
    put(bruno, "02.ipynb", notebook("02-ia-generative", {"q1": "right", "q2": "unanswered"}))
    put(bruno, b"cass\xe9\x81.ipynb", '{"cells": [')
    put(bruno, "vide.ipynb", "")
    put(bruno, "analyse.ipynb", OTHER_COURSE)

    (homes / "chloe").mkdir()
    put(homes / DEBORAH, "02-ia-generative.ipynb",
        notebook("02-ia-generative", {"q1": "error", "q3": "right"}))  # fmt: skip
    put(homes / EVE, "notes.txt", "pas un notebook")
    put(homes, ".cache/x.ipynb", notebook("01-prise-en-main", ALICE_01))
    put(homes, "lisez-moi.ipynb", notebook("01-prise-en-main", ALICE_01))  # a file, not a home
    return homes


@pytest.fixture(scope="module")
def written(homes: Path, tmp_path_factory: pytest.TempPathFactory):
    output = tmp_path_factory.mktemp("tableau") / "tableau.html"
    summary = write_dashboard(homes, ROOT, output)
    return summary, output.read_text(encoding="utf-8")


@pytest.fixture(scope="module")
def session(homes: Path):
    return {learner.name: learner for learner in read_session(homes, ROOT).learners}


def test_every_home_folder_is_a_learner_and_nothing_else(session) -> None:
    assert sorted(session) == sorted(["alice", "bruno", "chloe", "déborah", EVE])
    assert session["chloe"].modules == {} and session[EVE].modules == {}


def test_alice_verdicts_come_from_her_own_copy_not_the_solutions_nor_checkpoints(session) -> None:
    progress = session["alice"].modules["01-prise-en-main"]
    assert progress.opened
    assert progress.verdicts == {"q1": RIGHT, "q2": WRONG, "q3": WRONG, "q4": UNTRIED}
    assert progress.copies == 1
    assert session["alice"].to_look_at("01-prise-en-main") == ["q2", "q3"]


def test_a_copy_is_recognised_by_content_and_an_unrun_copy_is_not_opened(session) -> None:
    progress = session["alice"].modules["08-trier-les-demandes"]
    assert not progress.opened
    assert set(progress.verdicts.values()) == {UNTRIED}
    assert len(progress.verdicts) == 6  # q1 to q6 in module 08


def test_the_most_advanced_copy_counts(session) -> None:
    progress = session["bruno"].modules["01-prise-en-main"]
    assert progress.copies == 2
    assert progress.count(RIGHT) == 4 and progress.count(WRONG) == 0
    assert session["bruno"].to_look_at("01-prise-en-main") == []


def test_unanswered_counts_as_not_tried_and_an_error_as_a_failed_try(session) -> None:
    bruno = session["bruno"].modules["02-ia-generative"].verdicts
    assert (bruno["q1"], bruno["q2"], bruno["q3"]) == (RIGHT, UNTRIED, UNTRIED)
    deborah = session["déborah"].modules["02-ia-generative"].verdicts
    assert (deborah["q1"], deborah["q2"], deborah["q3"]) == (WRONG, UNTRIED, RIGHT)


def test_broken_files_are_listed_and_other_courses_ignored(session) -> None:
    bruno = session["bruno"]
    assert sorted(problem.file for problem in bruno.unreadable) == ["cass��.ipynb", "vide.ipynb"]
    assert all("abîmé" in problem.reason for problem in bruno.unreadable)
    assert bruno.other_notebooks == 1


def test_summary_counts(written) -> None:
    summary, _ = written
    # Right: alice 1, bruno 4 (01) + 1 (02), déborah 1. To look at: alice 2, déborah 1.
    assert (summary.learners, summary.active, summary.right, summary.wrong) == (5, 3, 7, 3)
    assert (summary.unreadable, summary.other_notebooks) == (2, 1)
    assert summary.stuck == ["alice", "déborah"]
    lines = "\n".join(summary.french_lines())
    assert "5 apprenants, dont 3 ont ouvert au moins un module." in lines
    assert "À aider en premier : alice, déborah." in lines
    assert "2 fichiers non lus" in lines and "1 notebook d'un autre cours" in lines


def test_page_is_french_standalone_and_never_shows_an_answer(written) -> None:
    _, page = written
    assert page.startswith("<!DOCTYPE html>") and '<html lang="fr">' in page
    assert "Content-Security-Policy" in page
    assert "<script" not in page.lower().replace("&lt;script", "")
    assert SECRET not in page and "reponse = " not in page
    assert "http://" not in page and "https://" not in page
    assert "eve&lt;script&gt;alert(1)" in page
    assert "cass��.ipynb" in page and "déborah" in page


class _Tables(HTMLParser):
    """Each table's caption, and its rows as lists of cell texts."""

    def __init__(self) -> None:
        super().__init__()
        self.tables: dict[str, list[list[str]]] = {}
        self._caption = ""
        self._in: str | None = None
        self._row: list[str] | None = None

    def handle_starttag(self, tag: str, attrs: list) -> None:
        if tag == "caption":
            self._in, self._caption = "caption", ""
        elif tag == "tr":
            self._row = []
        elif tag in ("td", "th") and self._row is not None:
            self._in = "cell"
            self._row.append("")

    def handle_endtag(self, tag: str) -> None:
        if tag == "caption":
            self.tables[self._caption] = []
            self._in = None
        elif tag == "tr" and self._row is not None:
            self.tables[self._caption].append(self._row)
            self._row = None
        elif tag in ("td", "th"):
            self._in = None

    def handle_data(self, data: str) -> None:
        if self._in == "caption":
            self._caption += data
        elif self._in == "cell" and self._row is not None:
            self._row[-1] += data


def test_page_tables_are_accessible_and_hold_the_counts(written) -> None:
    _, page = written
    assert page.count("<table>") == page.count("<caption>")
    assert '<th scope="col">' in page and '<th scope="row">' in page
    parser = _Tables()
    parser.feed(page)
    overview = parser.tables["Exercices justes sur ceux du module (— : pas encore ouvert)"]
    header = overview[0]
    column = header.index("01")
    rows = {row[0]: row for row in overview[1:]}
    assert rows["alice"][column] == "1 sur 42 à revoir"
    assert rows["bruno"][column] == "4 sur 4"
    assert rows["chloe"][column] == "—"
    assert rows["alice"][header.index("08")] == "—"
    assert rows["alice"][header.index("00")] == "—"
    # Module 02 was opened by bruno and déborah: q1 right once, to look at once.
    exercises = next(
        rows for caption, rows in parser.tables.items() if "sur 2 apprenants" in caption
    )
    q1 = next(row for row in exercises if row[0].startswith("q1 · "))
    assert q1[1:] == ["1", "1", "0"]


def test_verdict_reads_only_the_label() -> None:
    shown = {"output_type": "display_data", "data": {"text/plain": SHOWN["right"]}}
    assert verdict([shown]) == RIGHT
    # A later run replaces the earlier verdict; an answer that merely mentions the label
    # in a stream (a print) is not a verdict.
    assert verdict([shown, {"output_type": "error"}]) == WRONG
    printed = {"output_type": "stream", "name": "stdout", "text": "Bonne réponse !"}
    assert verdict([printed]) == UNTRIED
    assert verdict("not a list") == UNTRIED and verdict([None, 3]) == UNTRIED


def test_real_check_outputs_are_read(tmp_path: Path) -> None:
    """Module 01 run for real (nbclient), as a learner would: the course's own check output."""
    data = json.loads(learner_path("01-prise-en-main").read_text(encoding="utf-8"))
    answers = {"q1": 'reponse_q1 = "B"', "q2": 'raccourci = "Entrée"', "q4": "prix_max = 3.95"}
    for cell in data["cells"]:
        grade_id = cell["metadata"].get("nbgrader", {}).get("grade_id", "")
        if grade_id.removesuffix("-reponse") in answers and grade_id.endswith("-reponse"):
            cell["source"] = answers[grade_id.removesuffix("-reponse")]
    notebook = nbformat.reads(json.dumps(data), as_version=4)
    home = tmp_path / "home" / "alice" / "atelier-ia"
    home.mkdir(parents=True)
    NotebookClient(notebook, timeout=120, resources={"metadata": {"path": str(home)}}).execute()
    nbformat.write(notebook, home / "01-prise-en-main.ipynb")
    (learner,) = read_session(tmp_path / "home", ROOT).learners
    progress = learner.modules["01-prise-en-main"]
    assert progress.opened
    assert progress.verdicts == {"q1": RIGHT, "q2": WRONG, "q3": UNTRIED, "q4": RIGHT}


def test_missing_homes_folder_is_a_french_error(tmp_path: Path) -> None:
    with pytest.raises(DashboardError, match=r"^Le dossier des comptes .* est introuvable"):
        read_session(tmp_path / "absent", ROOT)


def test_a_folder_without_the_course_is_a_french_error(homes: Path, tmp_path: Path) -> None:
    (tmp_path / "curriculum").mkdir()
    (tmp_path / "curriculum" / "syllabus.toml").write_bytes(
        (ROOT / "curriculum" / "syllabus.toml").read_bytes()
    )
    with pytest.raises(DashboardError, match=r"^Aucun module du cours dans .*notebooks"):
        read_session(homes, tmp_path)


def test_an_output_that_cannot_be_written_is_a_french_error(homes: Path, tmp_path: Path) -> None:
    (tmp_path / "fichier").write_text("", encoding="utf-8")
    with pytest.raises(DashboardError, match=r"^Impossible d'écrire .*tableau\.html"):
        write_dashboard(homes, ROOT, tmp_path / "fichier" / "tableau.html")


def test_page_mentions_no_answer_column(written) -> None:
    _, page = written
    assert not re.search(r"<th[^>]*>\s*Réponse", page)
