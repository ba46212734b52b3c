"""The click forms of the no-code view: every exercise of every module, answered by form.

A form hands its raw input (a letter, a typed number, a text) to the same
checker as the check cell: the reference typed in a form is « Bonne
réponse », and the same value is graded right; an empty form waits; a
wrong or mistyped answer gets a French sentence, never an exception.
"""

from __future__ import annotations

import ipywidgets as ipw
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from conftest import lesson_for, module_ids
from widgets.selfcheck import Exercise, MultipleChoice, State
from widgets.selfcheck.form_answers import (
    FORM_UNANSWERED,
    FormKind,
    choice_labels,
    form_kind,
    judge_form_answer,
    plain,
)
from widgets.selfcheck.views import exercise as exercise_view
from widgets.selfcheck.views.form import AnswerForm
from widgets.viewkit.presenting import in_no_code_view

EXERCISES = [
    (module, exercise)
    for module in module_ids()
    for exercise in getattr(lesson_for(module), "EXERCISES", ())
]
IDS = [f"{module}-{exercise.id}" for module, exercise in EXERCISES]
TYPOS = ("", "   ", "bb", "douze", "12,5,3", "🙂", "\ud800", "x" * 100_000, "A B", "-", "1e999")


def typed(value: object) -> str:
    """What a learner types in a form for `value`: numbers the French way, with a comma."""
    if isinstance(value, float):
        return repr(value).replace(".", ",")
    return str(value)


@pytest.mark.parametrize(("module", "exercise"), EXERCISES, ids=IDS)
def test_the_reference_typed_in_the_form_is_right_and_graded_right(
    module: str, exercise: Exercise
) -> None:
    feedback = judge_form_answer(exercise, typed(exercise.reference))
    assert feedback.state is State.CORRECT, feedback.message
    assert exercise.grade(exercise.reference).is_correct


@pytest.mark.parametrize(("module", "exercise"), EXERCISES, ids=IDS)
def test_an_empty_form_waits_and_wrong_answers_are_not_right(
    module: str, exercise: Exercise
) -> None:
    for empty in (None, "", "  \n"):
        feedback = judge_form_answer(exercise, empty)
        assert feedback.state is State.UNANSWERED
        assert feedback.message == FORM_UNANSWERED
    for wrong in exercise.wrong_examples:
        assert judge_form_answer(exercise, typed(wrong)).state is State.INCORRECT


@pytest.mark.parametrize(("module", "exercise"), EXERCISES, ids=IDS)
def test_typos_get_a_french_sentence(module: str, exercise: Exercise) -> None:
    for typo in TYPOS:
        feedback = judge_form_answer(exercise, typo)
        assert feedback.state in (State.UNANSWERED, State.INCORRECT, State.CORRECT)
        assert feedback.message and "Traceback" not in feedback.message


@settings(max_examples=60, deadline=None)
@given(text=st.text(max_size=60))
def test_no_text_breaks_a_form(text: str) -> None:
    for _, exercise in EXERCISES:
        assert judge_form_answer(exercise, text).message


def test_each_kind_of_exercise_gets_its_control() -> None:
    kinds = {type(exercise).__name__: form_kind(exercise) for _, exercise in EXERCISES}
    assert kinds["MultipleChoice"] is FormKind.CHOICE
    assert kinds["NumberMeetingConditions"] is FormKind.NUMBER
    assert kinds["FreeText"] is FormKind.TEXT
    computed = [exercise for _, exercise in EXERCISES if type(exercise).__name__ == "ComputedValue"]
    assert {form_kind(exercise) for exercise in computed} == {FormKind.NUMBER}


def test_choice_labels_are_plain_text_with_their_letter() -> None:
    choices = [exercise for _, exercise in EXERCISES if isinstance(exercise, MultipleChoice)]
    for exercise in choices:
        labels = choice_labels(exercise)
        assert [letter for _, letter in labels] == list(exercise.options)
        for label, letter in labels:
            assert label.startswith(f"{letter}. ")
            assert "**" not in label and "`" not in label
    assert plain("la **mention explicite** et `reponse`") == "la mention explicite et reponse"


def test_the_view_is_detected_from_voila_s_kernel_variables(monkeypatch) -> None:
    for name in ("VOILA_KERNEL_ID", "VOILA_BASE_URL", "VOILA_REQUEST_URL"):
        monkeypatch.delenv(name, raising=False)
    assert not in_no_code_view()
    monkeypatch.setenv("VOILA_BASE_URL", "/")
    assert in_no_code_view()


def test_in_the_view_a_check_cell_shows_a_form_that_judges_what_is_clicked(monkeypatch) -> None:
    monkeypatch.setenv("VOILA_BASE_URL", "/")
    monkeypatch.delenv("NBGRADER_EXECUTION", raising=False)
    shown: list[object] = []
    monkeypatch.setattr(exercise_view, "display", shown.append)
    exercise = next(exercise for _, exercise in EXERCISES if isinstance(exercise, MultipleChoice))
    exercise_view.NotebookExercise(exercise).check(...)
    (form_widget,) = shown
    assert isinstance(form_widget, ipw.VBox)
    field, button, verdict, _ = form_widget.children
    assert isinstance(field, ipw.RadioButtons) and field.value is None
    button.click()
    assert "Pas encore de réponse" in verdict.value
    wrong = next(letter for letter in exercise.options if letter != exercise.correct)
    field.value = wrong
    button.click()
    assert "Pas encore tout à fait" in verdict.value
    field.value = exercise.correct
    button.click()
    assert "Bonne réponse" in verdict.value
    assert field.value == exercise.correct


def test_a_typed_number_keeps_what_was_typed_after_a_check() -> None:
    number = next(exercise for _, exercise in EXERCISES if form_kind(exercise) is FormKind.NUMBER)
    form = AnswerForm(number, ipw.VBox())
    form.field.value = "douze"
    form.check()
    assert "Pas encore tout à fait" in form.verdict.value
    assert form.field.value == "douze"
