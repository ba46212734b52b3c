"""`atelier report`: notes.csv and rapport/index.html from results written by hand.

The class: four learners graded on modules 01 and 08 in every state (all right,
a real 0, wrong, unanswered, unread, stopped by the time limit, Python
stopped), two notebooks refused by the collect with a status, a file that is
not a notebook, a duplicate. Expected numbers are counted here from the
results themselves, not by the code under test.
"""

from __future__ import annotations

import csv
import html
import os
import re
from html.parser import HTMLParser
from pathlib import Path

import pytest

from conftest import ROOT, lesson_for
from curriculum.grading import results as r
from curriculum.grading.report import ReportError, write_report

M01, M08 = "01-prise-en-main", "08-trier-les-demandes"
SCRIPT = "<script>alert(1)</script>"
LONE = "\ud800"


def notebook(learner, module, states, statut=r.GRADED_STATUS, **extra) -> r.NotebookResult:
    """A result with one 1-point question per state, ids q1, q2… in order."""
    questions = [
        r.QuestionResult(f"q{index}", state, float(state == r.CORRECT), 1.0, f"message {index}")
        for index, state in enumerate(states, start=1)
    ]
    return r.NotebookResult(
        identifiant=learner,
        module=module,
        statut=statut,
        points=sum(q.points for q in questions),
        points_max=float(len(questions) or (4 if module == M01 else 6)),
        questions=questions,
        **extra,
    )


C, W, U, N, T, K = (
    r.CORRECT,
    r.INCORRECT,
    r.UNANSWERED,
    r.UNREAD,
    r.QUESTION_TIMED_OUT,
    r.QUESTION_KERNEL_DIED,
)
RESULTS = [
    notebook("alice-martin", M01, [C, C, C, C], nom="Alice Martin"),
    notebook("alice-martin", M08, [C, C, W, C, C, C], nom="Alice Martin"),
    notebook(
        "bruno-petit",
        M01,
        [C, W, U, N],
        nom=f"Bruno {SCRIPT}",
        alertes=[f"cellule q2-verification modifiée puis rétablie {SCRIPT}", "sortie tronquée"],
        isolement=r.PARTIAL_ISOLATION,
    ),
    notebook("chloe-durand", M01, [C, C, T, T], statut=r.TIMED_OUT, nom=f"Chloé {LONE}"),
    notebook("chloe-durand", M08, [C, K, K, K, K, K], statut=r.KERNEL_DIED, nom=f"Chloé {LONE}"),
    notebook("david-roux", M08, [W, W, W, U, U, N]),
]
RECEIVED = [
    r.ReceivedFile("envoi/alice_01.ipynb", "a" * 64, True, identifiant="alice-martin", module=M01),
    r.ReceivedFile(
        "envoi/alice_01 (1).ipynb",
        "b" * 64,
        False,
        "doublon : la plus récente gardée",
        identifiant="alice-martin",
        module=M01,
        statut=r.UNREADABLE,
    ),
    r.ReceivedFile(
        "envoi/emma_01.ipynb",
        "c" * 64,
        False,
        "JSON illisible",
        identifiant="emma-leroy",
        nom="Emma Leroy",
        module=M01,
        statut=r.UNREADABLE,
    ),
    r.ReceivedFile(
        "envoi/farid_08.ipynb",
        "d" * 64,
        False,
        "c'est le notebook du module 01",
        identifiant="farid-benali",
        module=M08,
        statut=r.OTHER_ASSIGNMENT,
    ),
    r.ReceivedFile(f"envoi/photo{LONE}{SCRIPT}.jpg", "e" * 64, False, "pas un notebook"),
]


def build_class(folder: Path) -> Path:
    for result in RESULTS:
        r.save_result(folder, result)
    r.save_received(folder, RECEIVED)
    return folder


@pytest.fixture(scope="module")
def class_folder(tmp_path_factory: pytest.TempPathFactory) -> Path:
    folder = build_class(tmp_path_factory.mktemp("classe"))
    write_report(folder, ROOT)
    return folder


@pytest.fixture(scope="module")
def page(class_folder: Path) -> str:
    return (class_folder / "rapport" / "index.html").read_bytes().decode("utf-8")


class _Tables(HTMLParser):
    """Every table's rows as cell texts, by caption."""

    def __init__(self) -> None:
        super().__init__()
        self.tables: dict[str, list[list[str]]] = {}
        self._caption: str | None = None
        self._cell: list[str] | None = None
        self._in_caption = False

    def handle_starttag(self, tag: str, attrs: list) -> None:
        if tag == "caption":
            self._in_caption, self._caption = True, ""
        elif tag == "tr":
            self.tables.setdefault(self._caption or "", []).append([])
        elif tag in ("td", "th"):
            self._cell = []

    def handle_endtag(self, tag: str) -> None:
        if tag == "caption":
            self._in_caption = False
        elif tag in ("td", "th") and self._cell is not None:
            self.tables[self._caption or ""][-1].append("".join(self._cell).strip())
            self._cell = None

    def handle_data(self, data: str) -> None:
        if self._in_caption:
            self._caption = (self._caption or "") + data
        elif self._cell is not None:
            self._cell.append(data)


def tables(text: str) -> dict[str, list[list[str]]]:
    parser = _Tables()
    parser.feed(text)
    return parser.tables


def percent(earned: float, possible: float) -> str:
    return f"{round(100 * earned / possible)}\u202f%" if possible else "non défini"


def test_notes_csv_has_one_row_per_learner_and_module(class_folder: Path) -> None:
    raw = (class_folder / "rapport" / "notes.csv").read_bytes()
    assert raw.startswith(b"\xef\xbb\xbf")
    rows = list(csv.reader(raw.decode("utf-8-sig").splitlines(), delimiter=";"))
    assert rows[0] == ["identifiant", "module", "points", "points_max", "statut"]
    assert rows[1:] == [
        ["alice-martin", M01, "4", "4", "corrigé"],
        ["alice-martin", M08, "5", "6", "corrigé"],
        ["bruno-petit", M01, "1", "4", "corrigé"],
        ["chloe-durand", M01, "2", "4", "non corrigé : délai dépassé"],
        ["chloe-durand", M08, "1", "6", "non corrigé : noyau arrêté"],
        ["david-roux", M08, "0", "6", "corrigé"],
        ["emma-leroy", M01, "0", "4", "non corrigé : illisible"],
        ["farid-benali", M08, "0", "6", "non corrigé : autre devoir"],
    ]


def test_half_points_are_plain_numbers_with_a_dot(tmp_path: Path) -> None:
    result = notebook("gaelle", M01, [C, C, W, W])
    result.points = 2.5
    r.save_result(tmp_path, result)
    write_report(tmp_path, ROOT)
    text = (tmp_path / "rapport" / "notes.csv").read_text("utf-8-sig")
    assert list(csv.reader(text.splitlines(), delimiter=";"))[1][2:4] == ["2.5", "4"]


def test_success_per_exercise_matches_a_count_of_the_results(page: str) -> None:
    found = tables(page)
    for module in (M01, M08):
        judged = [result for result in RESULTS if result.module == module and result.questions]
        rows = {row[0]: row for row in found[f"Exercices du module {module}"][1:]}
        assert sorted(rows) == sorted({q.id for res in judged for q in res.questions})
        for exercise_id, row in rows.items():
            states = [q.etat for res in judged for q in res.questions if q.id == exercise_id]
            right = states.count(r.CORRECT)
            assert row[2:] == [f"{right} sur {len(states)}", percent(right, len(states))]


def test_exercises_are_labelled_with_their_question(page: str) -> None:
    rows = {row[0]: row for row in tables(page)[f"Exercices du module {M01}"][1:]}
    asterisk = lesson_for(M01).EXERCISES[0]
    assert rows[asterisk.id][1] == asterisk.question.replace("`", "")


def test_a_class_folder_name_that_is_not_utf8(tmp_path: Path) -> None:
    folder = build_class(tmp_path / os.fsdecode(b"classe-\xff"))
    lines = "\n".join(write_report(folder, ROOT).french_lines())
    assert "classe-\ufffd" in lines
    lines.encode("utf-8")
    page = (folder / "rapport" / "index.html").read_bytes().decode("utf-8")
    assert "Classe : classe-\ufffd." in page


def test_success_per_module_and_per_learner(page: str) -> None:
    found = tables(page)
    modules = {row[0]: row for row in found["Réussite par module"][1:]}
    for module in (M01, M08):
        judged = [res for res in RESULTS if res.module == module and res.questions]
        earned, possible = sum(x.points for x in judged), sum(x.points_max for x in judged)
        assert modules[module][-1] == percent(earned, possible)
    learners = {row[0]: row for row in found["Points par apprenant et par module"][1:]}
    alice = [res for res in RESULTS if res.identifiant == "alice-martin"]
    assert learners["Alice Martin"][1:] == [
        "4 / 4",
        "5 / 6",
        "9 sur 10",
        percent(sum(x.points for x in alice), sum(x.points_max for x in alice)),
    ]
    assert learners["Emma Leroy"][1:] == ["non corrigé (illisible)", "—", "0 sur 0", "non défini"]
    assert learners["Chloé \ufffd"][1] == "2 / 4 (délai dépassé)"


def test_the_page_is_accessible_standalone_and_french(page: str) -> None:
    assert '<html lang="fr">' in page
    assert "Content-Security-Policy" in page and "default-src 'none'" in page
    figures = re.findall(r"<figure>.*?</figure>", page, re.DOTALL)
    assert len(figures) == 4  # modules, exercises of 01 and of 08, learners
    for figure in figures:
        assert "<figcaption>" in figure
        assert re.search(r'<svg [^>]*role="img"[^>]*aria-label="[^"]+"', figure)
        assert "<title>" in figure
    assert page.count("<table>") >= len(figures)
    assert not re.search(r"<script|(src|href)\s*=\s*[\"']?\s*(https?:)?//", page, re.I)
    assert "corrigé" in page and "Taux de réussite" in page


def test_learner_text_is_escaped_and_printable(page: str) -> None:
    assert SCRIPT not in page
    assert html.escape(SCRIPT) in page
    assert "\ufffd" in page


def test_what_could_not_be_graded_is_listed_with_its_reason(page: str) -> None:
    rows = tables(page)["Fichiers et notebooks non corrigés"][1:]
    assert ["Emma Leroy (emma-leroy)", M01, r.UNREADABLE, "JSON illisible"] in rows
    assert any(row[0] == "farid-benali" and "module 01" in row[3] for row in rows)
    assert any("photo" in row[0] and row[3] == "pas un notebook" for row in rows)
    assert any(row[0].startswith("Chloé") and row[2] == r.TIMED_OUT for row in rows)
    assert any(row[3] == "doublon : la plus récente gardée" for row in rows)
    stopped = [res for res in RESULTS if res.statut != r.GRADED_STATUS]
    assert len(rows) == len(stopped) + sum(not item.pris for item in RECEIVED)


def test_alerts_and_the_isolation_banner(page: str) -> None:
    alerts = tables(page)["Alertes par apprenant"][1:]
    assert [row[2] for row in alerts] == RESULTS[2].alertes
    assert "Correction sans isolement complet" in page


def test_no_banner_when_every_notebook_was_isolated(tmp_path: Path) -> None:
    r.save_result(tmp_path, notebook("alice-martin", M01, [C, W, C, C]))
    write_report(tmp_path, ROOT)
    text = (tmp_path / "rapport" / "index.html").read_text("utf-8")
    assert "isolement complet" not in text
    assert "Aucune alerte" in text and "Tous les notebooks reçus ont été corrigés" in text


def test_the_summary_speaks_french(tmp_path: Path) -> None:
    summary = write_report(build_class(tmp_path), ROOT)
    lines = "\n".join(summary.french_lines())
    graded = sum(res.statut == r.GRADED_STATUS for res in RESULTS)
    not_graded = len(RESULTS) - graded + sum(not item.pris for item in RECEIVED)
    assert f"6 apprenants : {graded} notebooks corrigés, {not_graded} fichiers non" in lines
    assert "2 alertes" in lines and "sans isolement complet pour 1 notebook" in lines
    assert str(tmp_path / "rapport" / "notes.csv") in lines


def test_nothing_to_report_is_said_without_writing(tmp_path: Path) -> None:
    summary = write_report(tmp_path, ROOT)
    assert "Rien à mettre dans le rapport" in summary.french_lines()[0]
    assert not (tmp_path / "rapport").exists()


def test_a_broken_results_file_is_a_french_error(tmp_path: Path) -> None:
    broken = r.result_path(tmp_path, M01, "alice")
    broken.parent.mkdir(parents=True)
    broken.write_bytes(b"\xff{pas du json")
    with pytest.raises(ReportError, match="abîmé"):
        write_report(tmp_path, ROOT)
