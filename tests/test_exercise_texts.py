"""Questions written once in the lesson, rendered into the notebook by the release."""

from __future__ import annotations

import pytest
from nbformat.v4 import new_code_cell, new_markdown_cell, new_notebook

from curriculum.exercise_texts import ExerciseTextError, asked_ids, is_current, refresh
from widgets.lessons import prise_en_main
from widgets.selfcheck import MultipleChoice
from widgets.selfcheck.question import question_markdown

IMPORT = "from widgets.lessons import prise_en_main as atelier\natelier.start()"


def notebook_asking(*sources: str):
    return new_notebook(
        cells=[new_code_cell(IMPORT), *(new_markdown_cell(source) for source in sources)]
    )


def test_a_multiple_choice_shows_its_question_then_one_line_per_option() -> None:
    exercise = MultipleChoice(
        id="q9",
        variable="reponse",
        question="Quelle couleur ?",
        options={"A": "Bleu.", "B": "Vert."},
        correct="A",
        why="parce que.",
        hints=("regardez.",),
        solution="A",
        reference="A",
        wrong_examples=("B",),
    )
    assert question_markdown(exercise) == "Quelle couleur ?\n\n- **A.** Bleu.\n- **B.** Vert."


def test_release_writes_the_lesson_question_between_the_markers_and_keeps_the_rest() -> None:
    notebook = notebook_asking(
        "### Exercice 1\n\n<!-- exercice:q2 -->\nancien texte\n<!-- /exercice -->\n\nÀ vous."
    )
    assert asked_ids(notebook) == ["q2"]
    assert not is_current(notebook, "essai")
    assert refresh(notebook, "essai")
    expected = prise_en_main.q2.exercise.question
    assert notebook.cells[1].source == (
        f"### Exercice 1\n\n<!-- exercice:q2 -->\n{expected}\n<!-- /exercice -->\n\nÀ vous."
    )
    assert is_current(notebook, "essai")
    assert not refresh(notebook, "essai")


def test_an_unknown_exercise_or_an_unclosed_marker_is_a_french_error() -> None:
    with pytest.raises(ExerciseTextError, match=r"absents de widgets/lessons/prise_en_main\.py"):
        refresh(notebook_asking("<!-- exercice:q42 -->\n<!-- /exercice -->"), "essai")
    with pytest.raises(ExerciseTextError, match="fermeture"):
        refresh(notebook_asking("<!-- exercice:q1 -->\ntexte"), "essai")


def test_a_notebook_without_its_lesson_import_cannot_ask_questions() -> None:
    notebook = new_notebook(cells=[new_markdown_cell("<!-- exercice:q1 -->\n<!-- /exercice -->")])
    with pytest.raises(ExerciseTextError, match="n'importe pas"):
        refresh(notebook, "essai")
