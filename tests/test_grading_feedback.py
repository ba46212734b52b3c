"""`atelier feedback`: one page per learner, with hints for what is not right, never a solution.

The class is the one of test_grading_report (modules 01 and 08, every state).
"""

from __future__ import annotations

import html
import re
from pathlib import Path

import pytest
from test_grading_report import M01, M08, RECEIVED, RESULTS, SCRIPT, build_class

from conftest import ROOT, lesson_for
from curriculum.grading import results as r
from curriculum.grading.feedback import write_feedback
from curriculum.grading.report import ReportError


@pytest.fixture(scope="module")
def pages(tmp_path_factory: pytest.TempPathFactory) -> dict[str, str]:
    folder = build_class(tmp_path_factory.mktemp("classe"))
    written = write_feedback(folder, ROOT)
    assert all(path.parent == folder / "retours" for path in written)
    return {path.stem: path.read_bytes().decode("utf-8") for path in written}


def visible(page: str) -> str:
    """The page's text as a reader sees it (tags removed, entities decoded)."""
    return html.unescape(re.sub(r"<[^>]+>", " ", page))


def exercises(module: str) -> dict:
    return {exercise.id: exercise for exercise in lesson_for(module).EXERCISES}


def test_one_page_per_learner_with_a_row(pages: dict[str, str]) -> None:
    learners = {res.identifiant for res in RESULTS}
    learners |= {item.identifiant for item in RECEIVED if not item.pris and item.statut}
    assert sorted(pages) == sorted(learners)


def test_hints_only_for_answers_not_right_and_never_a_solution(pages: dict[str, str]) -> None:
    for result in RESULTS:
        text = " ".join(visible(pages[result.identifiant]).split())
        lesson = exercises(result.module)
        for question in result.questions:
            first_hint = " ".join(lesson[question.id].hints[0].replace("`", "").split())
            if question.etat == r.CORRECT:
                continue
            assert first_hint in text, (result.identifiant, question.id)
    alice = " ".join(visible(pages["alice-martin"]).split())
    for exercise in exercises(M01).values():  # all right in 01: no hint of 01
        assert " ".join(exercise.hints[0].replace("`", "").split()) not in alice
    for page in pages.values():
        for module in (M01, M08):
            for exercise in exercises(module).values():
                assert exercise.solution not in visible(page)
                assert html.escape(exercise.solution) not in page


def test_each_exercise_shows_its_question_state_and_message(pages: dict[str, str]) -> None:
    bruno = visible(pages["bruno-petit"])
    assert "Vos points" in bruno and "1 sur 4" in bruno
    for label in ("Bonne réponse", "Pas encore tout à fait", "Pas de réponse", "Réponse non lue"):
        assert label in bruno
    assert all(f"message {index}" in bruno for index in range(1, 5))
    assert "Que signifie l'astérisque" in bruno
    assert "Exercice 2 : le raccourci clavier" in bruno


def test_what_to_review_names_the_module_and_the_part(pages: dict[str, str]) -> None:
    review = visible(pages["bruno-petit"].split("À revoir", 1)[1])
    assert "Prendre en main un notebook" in review
    assert "Partie « 1. Exécuter une cellule » — Exercice 2 : le raccourci clavier" in review
    assert "Exercice 1 " not in review  # q1 is right
    alice = " ".join(visible(pages["alice-martin"].split("À revoir", 1)[1]).split())
    assert "Prendre en main" not in alice  # all right in 01
    assert "qui est pris pour qui ? » — Exercice 3 : pourquoi ces deux-là ?" in alice


def test_nothing_to_review_when_all_is_right(tmp_path: Path) -> None:
    right = [r.QuestionResult(f"q{n}", r.CORRECT, 1, 1, "bien") for n in range(1, 5)]
    r.save_result(tmp_path, r.NotebookResult("gaelle", M01, r.GRADED_STATUS, 4, 4, right))
    page = visible(write_feedback(tmp_path, ROOT)[0].read_text("utf-8"))
    assert "Rien à revoir" in page and "4 sur 4" in page and "Indices" not in page


def test_a_module_not_graded_says_why_and_what_to_do(pages: dict[str, str]) -> None:
    emma = visible(pages["emma-leroy"])
    assert "n'a pas pu être ouvert comme un notebook" in emma
    assert "Ce n'est pas une note de 0" in emma and "renvoyez le fichier .ipynb" in emma
    farid = visible(pages["farid-benali"])
    assert "un autre module" in farid
    chloe = visible(pages["chloe-durand"])
    assert "Les points des questions atteintes avant l'arrêt sont gardés" in chloe
    assert "Non évaluée" in chloe and "2 sur 4" in chloe


def test_pages_are_standalone_escaped_and_printable(pages: dict[str, str]) -> None:
    for page in pages.values():
        assert '<html lang="fr">' in page and "default-src 'none'" in page
        assert not re.search(r"<script|(src|href)\s*=\s*[\"']?\s*(https?:)?//", page, re.I)
    assert SCRIPT not in pages["bruno-petit"] and html.escape(SCRIPT) in pages["bruno-petit"]
    assert "Chloé \ufffd" in visible(pages["chloe-durand"])


def test_learner_messages_are_escaped(tmp_path: Path) -> None:
    result = r.NotebookResult(
        "gaelle",
        M01,
        r.GRADED_STATUS,
        0,
        1,
        [r.QuestionResult("q1", r.INCORRECT, 0, 1, f"la proposition {SCRIPT}\ud800 ne va pas")],
    )
    r.save_result(tmp_path, result)
    page = write_feedback(tmp_path, ROOT)[0].read_bytes().decode("utf-8")
    assert SCRIPT not in page
    assert f"la proposition {SCRIPT}\ufffd ne va pas" in visible(page)


def test_nothing_to_write_and_broken_results(tmp_path: Path) -> None:
    assert write_feedback(tmp_path, ROOT) == []
    assert not (tmp_path / "retours").exists()
    broken = r.result_path(tmp_path, M08, "alice")
    broken.parent.mkdir(parents=True)
    broken.write_text('{"identifiant": "alice"}', encoding="utf-8")
    with pytest.raises(ReportError):
        write_feedback(tmp_path, ROOT)
