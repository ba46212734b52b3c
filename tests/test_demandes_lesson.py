"""Module 08's lesson: its examples behave as the notebook says; its checkers know the notebook."""

from __future__ import annotations

import re
import subprocess
import sys
import tomllib

import nbformat
import pytest

from conftest import ROOT, solution_path
from widgets.demandes.html import predictions_table
from widgets.demandes.model import TrainedModel, trained_model
from widgets.demandes.predict import predict_message
from widgets.demandes.services import answer_names_another, answer_names_both
from widgets.demandes.views.cells import FAILURE_EXAMPLES
from widgets.lessons import demandes as lesson


@pytest.fixture(scope="module")
def model() -> TrainedModel:
    return trained_model()


def test_quiz_and_failure_examples_behave_as_the_notebook_says(model) -> None:
    wrong = [
        message
        for message, expected in lesson.QUIZ_MESSAGES
        if predict_message(message, model).service != expected
    ]
    assert wrong == [lesson.QUIZ_MESSAGES["ABC".index(lesson.MISTAKE_LETTER)][0]]
    new_word, between, two_topics, off_topic = (
        (message, expected, predict_message(message, model))
        for message, expected in FAILURE_EXAMPLES
    )
    assert new_word[2].service != new_word[1] and new_word[2].unknown_words
    assert max(share for _, share in between[2].probabilities) < 0.6
    assert two_topics[2].service in ("Éclairage public", "Voirie")
    assert off_topic[1] is None and off_topic[2].service is not None
    assert "hors sujet" in predictions_table([off_topic])


def test_notebook_shows_the_options_the_checker_knows() -> None:
    cells = {
        cell.id: cell.source
        for cell in nbformat.read(solution_path("08-trier-les-demandes"), as_version=4).cells
    }
    for exercise in lesson.EXERCISES:
        for letter, text in getattr(exercise, "options", {}).items():
            assert f"**{letter}.** {text}" in cells[f"{exercise.id}-consigne"], exercise.id
    solutions = " ".join(cells[f"{exercise.id}-reponse"] for exercise in lesson.EXERCISES)
    for exercise in lesson.EXERCISES:
        written = (f'"{exercise.reference}"', repr(exercise.reference))
        assert any(f"{exercise.variable} = {form}\n" in solutions for form in written), exercise.id


@pytest.mark.parametrize(
    ("answer", "both", "another"),
    [
        ("proprete et espaces verts", True, False),
        ("l'espace vert et la proprete", True, False),
        ("proprete", False, False),
        ("proprete, espaces verts et voirie", True, True),
        ("proprete et ccas", False, True),
        ("proprete et la cantine", False, True),
    ],
)
def test_free_text_answers_name_services_in_the_ways_a_learner_writes(
    answer, both, another
) -> None:
    pair = ("Propreté", "Espaces verts")
    assert bool(re.search(answer_names_both(*pair), answer)) is both
    assert bool(re.search(answer_names_another(*pair), answer)) is another


def test_the_publication_exercise_uses_the_commune_staff_and_the_agent_threshold() -> None:
    """Publishing the rules is due from 50 agents in full-time equivalents (décret 2016-1922),
    whatever the number of inhabitants: with its staff, the fictional commune is exempt."""
    figures = tomllib.loads(
        (ROOT / "widgets" / "corpus" / "sources" / "figures.toml").read_text(encoding="utf-8")
    )
    latest = max(figures["budgets"], key=int)
    staff = figures["budgets"][latest]
    assert float(staff["fte"].replace(",", ".")) < 50
    exercise = lesson.PUBLISH_RULES
    assert f"{staff['agents']} agents, soit {staff['fte']} équivalents temps plein" in (
        exercise.question
    )
    assert exercise.correct == "C" and "ne lui est pas imposé" in exercise.options["C"]
    assert "3 500 habitants" in exercise.options["B"] and "B" in exercise.advice
    assert "agents" in exercise.advice["B"] and "habitants" in exercise.advice["B"]
    assert "60 agents" in exercise.why and "agents" in exercise.hints[-1]


def test_importing_the_lesson_trains_nothing_and_loads_neither_sklearn_nor_matplotlib() -> None:
    code = (
        "import sys\n"
        "from widgets.lessons import demandes\n"
        "from widgets.demandes import model\n"
        "assert model._train_once.cache_info().currsize == 0\n"
        "assert not {'sklearn', 'matplotlib'} & set(sys.modules), 'import lourd'\n"
    )
    subprocess.run([sys.executable, "-c", code], cwd=ROOT, check=True)


def test_start_trains_in_the_background_and_a_check_waits_for_it() -> None:
    # Right after start(), as « Exécuter tout » does: the exercise waits for the model.
    code = (
        "from widgets.lessons import demandes\n"
        "demandes.start()\n"
        "exercise = demandes.q1.exercise\n"
        "evaluation = demandes.trained_model().evaluation\n"
        "assert exercise.expected == evaluation.total - evaluation.correct\n"
        "assert demandes.EXERCISES[0] is exercise\n"
    )
    subprocess.run([sys.executable, "-c", code], cwd=ROOT, check=True, capture_output=True)


def test_the_names_read_from_the_model_are_the_ones_announced() -> None:
    assert set(lesson._from_model()) == set(lesson.FROM_MODEL)
    with pytest.raises(AttributeError):
        _ = lesson.NO_SUCH_NAME
