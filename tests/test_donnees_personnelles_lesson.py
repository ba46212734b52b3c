"""Module 04's lesson: its exercises say what the guard does; start() guards the connector."""

from __future__ import annotations

import pytest
from llm_fakes import fresh_connector

from widgets.donnees_personnelles.guard import find_personal_data
from widgets.lessons import donnees_personnelles as lesson
from widgets.llm import connector

__all__ = ["fresh_connector"]


@pytest.mark.parametrize("exercise", lesson.EXERCISES, ids=lambda e: e.id)
def test_each_exercise_accepts_its_answer_and_refuses_the_others(exercise) -> None:
    assert exercise.evaluate(exercise.reference).is_correct
    assert exercise.grade(exercise.reference).is_correct
    for wrong in exercise.wrong_examples:
        assert not exercise.evaluate(wrong).is_correct


def test_q1_texts_are_judged_by_the_guard_as_the_answer_says() -> None:
    found = {
        letter: {f.kind for f in find_personal_data(text.strip("« »")) if f.kind != "place"}
        for letter, text in lesson.WHICH_TEXT.options.items()
    }
    assert found["B"] == set()
    assert found["A"] >= {"person", "address"}
    assert found["C"] >= {"birth_date", "phone"}


def test_q2_false_alert_is_one_the_guard_really_makes() -> None:
    sentence = "Les agents du service Marianne ont reçu la Légion d'honneur."
    assert [(f.kind, f.text) for f in find_personal_data(sentence)] == [("person", "Marianne")]
    kinds = {f.kind for f in find_personal_data("NIR 2 84 05 2A 004 012 69, 06 39 98 12 34")}
    assert kinds == {"nir", "phone"}


def test_start_puts_the_guard_on_the_connector(fresh_connector: connector.Settings) -> None:
    lesson.start()
    assert any(hook.__name__ == "before_send" for hook in connector._before_send)
