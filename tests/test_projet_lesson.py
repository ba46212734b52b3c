"""Module 11's lesson: its exercises check and grade alike, and its views make the sheet."""

from __future__ import annotations

import base64
import re
import tomllib
from pathlib import Path

import pytest
from fuzz_values import assert_french

from widgets.errors import AnswerNotAccepted
from widgets.lessons import projet as lesson
from widgets.projet.canvas import form
from widgets.projet.notices import EXERCISE_DRAFT, inventory_required
from widgets.projet.risk import classify
from widgets.projet.views.canvas import ProjectCanvas
from widgets.selfcheck import State
from widgets.selfcheck.views.exercise import NotebookExercise

PROJECTS = {
    entry["id"]: entry
    for entry in tomllib.loads(
        (Path(__file__).parents[1] / "widgets/projet/sources/projets.toml").read_text("utf-8")
    )["projets"]
}
EXPECTED = {"q1": "B", "q2": "C", "q3": "D", "q4": "B", "q5": "B"}


def test_the_lesson_has_five_exercises_with_the_answers_written_here() -> None:
    assert {exercise.id: exercise.reference for exercise in lesson.EXERCISES} == EXPECTED


def graded_points(exercise, answer: object) -> int:
    """What nbgrader gives the hidden-tests cell: its point, unless the cell raises."""
    try:
        NotebookExercise(exercise).grade(answer)
    except AnswerNotAccepted:
        return 0
    return 1


@pytest.mark.parametrize("exercise", lesson.EXERCISES, ids=lambda e: e.id)
def test_the_reference_is_right_and_graded_above_zero(exercise) -> None:
    assert exercise.evaluate(exercise.reference).state is State.CORRECT
    assert exercise.grade(exercise.reference).state is State.CORRECT
    assert graded_points(exercise, exercise.reference) == 1


@pytest.mark.parametrize("exercise", lesson.EXERCISES, ids=lambda e: e.id)
def test_the_placeholder_waits_and_every_wrong_letter_says_why_in_french(exercise) -> None:
    assert exercise.evaluate(...).state is State.UNANSWERED
    assert graded_points(exercise, ...) == 0
    for wrong in exercise.wrong_examples:
        checked = exercise.evaluate(wrong)
        assert checked.state is State.INCORRECT
        assert_french(checked.message)
        assert f'"{exercise.reference}"' not in checked.message
        assert graded_points(exercise, wrong) == 0


@pytest.mark.parametrize("exercise", lesson.EXERCISES, ids=lambda e: e.id)
def test_bonne_reponse_never_grades_zero(exercise) -> None:
    answers = [*"ABCDabcd", " b ", "E", "", "Oui", 2, None, "B.", "réponse B"]
    for answer in answers:
        correct = exercise.evaluate(answer).state is State.CORRECT
        assert graded_points(exercise, answer) == int(correct), answer


@pytest.mark.parametrize(
    ("exercise_id", "project_id", "level"),
    [
        ("q1", "score-fraude", "haut-risque"),
        ("q2", "assistant-demarches", "transparence"),
        ("q3", "courrier-services", "minimal"),
    ],
)
def test_placed_projects_agree_with_the_data_file_and_the_questionnaire(
    exercise_id, project_id, level
) -> None:
    exercise = next(e for e in lesson.EXERCISES if e.id == exercise_id)
    project = PROJECTS[project_id]
    assert project["niveau"] == level
    assert project["description"] in exercise.question
    letter = {"interdit": "A", "haut-risque": "B", "transparence": "C", "minimal": "D"}[level]
    assert exercise.reference == letter
    defaults = {"pratique": "aucune", "decision": "non", "reseau": "non", "dialogue": "non"}
    answers = {**defaults, "contenu": "non", **project["reponses"]}
    assert classify(answers).level == level


def test_the_notice_exercise_draft_really_lacks_how_to_exercise_the_right() -> None:
    assert EXERCISE_DRAFT in lesson.MISSING_IN_NOTICE.question
    assert "finalité" not in EXERCISE_DRAFT  # the purpose is said in other words…
    assert "afin d'appliquer" in EXERCISE_DRAFT and "droit d'obtenir les règles" in EXERCISE_DRAFT
    assert not re.search(r"écri\w+ à|adress|service \w+ de la mairie", EXERCISE_DRAFT)


def test_the_inventory_exercise_counts_agents_not_inhabitants() -> None:
    assert "2 000 habitants" in lesson.INVENTORY_THRESHOLD.question
    assert "60 agents" in lesson.INVENTORY_THRESHOLD.question
    assert inventory_required(60) and not inventory_required(49)
    assert lesson.INVENTORY_THRESHOLD.options["B"].startswith("Oui")


def test_reflective_questions_have_model_answers() -> None:
    for question in (lesson.PILOT_CHOICE, lesson.PUBLIC_PERCEPTION):
        assert len(question.model_answer) > 300
        assert_french(question.question)


def test_views_are_made_once_so_nothing_typed_is_lost_when_a_cell_runs_again() -> None:
    assert lesson.project_canvas() is lesson.project_canvas()
    assert lesson.risk_questionnaire() is lesson.risk_questionnaire()
    assert lesson.notice_drafts() is lesson.notice_drafts()


def _downloaded(view) -> dict[str, str]:
    links = re.findall(r'download="([^"]+)" href="data:[^;]+;charset=utf-8;base64,([^"]+)"',
                       view.result.value)  # fmt: skip
    return {name: base64.b64decode(payload).decode("utf-8") for name, payload in links}


def test_the_sheet_carries_the_canvas_the_risk_level_and_the_drafts() -> None:
    canvas_view = lesson.project_canvas()
    canvas_view.title_box.value = "Tri du courrier"
    canvas_view.boxes["need"].value = "Répondre plus vite <script>alert(1)</script>"
    download = lesson.sheet_download()
    download.prepare()
    assert "pas encore été rempli" in _downloaded(download)["fiche-projet-tri-du-courrier.md"]
    lesson._questionnaire().load("courrier-services")
    download.prepare()
    files = _downloaded(download)
    assert set(files) == {"fiche-projet-tri-du-courrier.html", "fiche-projet-tri-du-courrier.md"}
    page = files["fiche-projet-tri-du-courrier.html"]
    assert "Répondre plus vite &lt;script&gt;alert(1)&lt;/script&gt;" in page
    assert "<script>" not in page
    assert "Niveau retenu : Risque minimal" in page and "Mention explicite" in page
    assert "Inventaire" in page
    assert "À compléter" in download.result.value


def test_the_example_button_fills_only_the_empty_boxes() -> None:
    view = ProjectCanvas()
    view.boxes["need"].value = "Mon besoin, tapé à la main."
    view.fill_with_example()
    assert view.canvas.text("need") == "Mon besoin, tapé à la main."
    assert view.canvas.text("tool") == form().field("tool").example
    assert view.canvas.title == form().example_title


def test_a_long_box_shows_a_note_and_keeps_everything() -> None:
    view = ProjectCanvas()
    view.boxes["risks"].value = "Risque décrit longuement. " * 200
    assert "gardée en entier" in view._notes.value
    assert view.canvas.text("risks") == "Risque décrit longuement. " * 200
