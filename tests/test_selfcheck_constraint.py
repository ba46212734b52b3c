"""The exercise kind « any number that meets conditions », without Jupyter."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from widgets.errors import AtelierError
from widgets.selfcheck import State
from widgets.selfcheck.constraint import Condition, NumberMeetingConditions, within

COMMON = {
    "question": "?",
    "why": "parce que.",
    "hints": ("un indice",),
    "solution": "la solution",
}


def refuse_negative(number: float) -> bool:
    if number < 0:
        raise AtelierError("un nombre négatif n'a pas de sens ici.")
    return True


BETWEEN_TWO_AND_FIVE = NumberMeetingConditions(
    id="t1",
    variable="seuil",
    conditions=(
        Condition("positif", refuse_negative, "jamais montré"),
        Condition("au moins deux", lambda x: x >= 2, "trop petit."),
        Condition("au plus cinq", lambda x: x <= 5, "trop grand."),
    ),
    reference=3,
    wrong_examples=(1,),
    **COMMON,
)


def test_any_number_meeting_every_condition_is_right() -> None:
    for number in (2, 3.5, 5, "4,2", " 3 "):
        assert BETWEEN_TWO_AND_FIVE.evaluate(number).state is State.CORRECT, number


def test_the_first_unmet_condition_is_reported() -> None:
    assert BETWEEN_TWO_AND_FIVE.evaluate(1).message == "trop petit."
    assert BETWEEN_TWO_AND_FIVE.evaluate(6).message == "trop grand."


def test_a_condition_may_refuse_with_its_own_french_message() -> None:
    feedback = BETWEEN_TWO_AND_FIVE.evaluate(-1)
    assert feedback.state is State.INCORRECT
    assert feedback.message == "un nombre négatif n'a pas de sens ici."


def test_grading_applies_the_same_conditions_and_refuses_the_placeholder() -> None:
    for number in (1, 2, 3, 5, 6, -1):
        assert BETWEEN_TWO_AND_FIVE.grade(number) == BETWEEN_TWO_AND_FIVE.evaluate(number)
    assert BETWEEN_TWO_AND_FIVE.evaluate(...).state is State.UNANSWERED
    assert BETWEEN_TWO_AND_FIVE.grade(...).state is State.INCORRECT


def test_unreadable_answers_get_the_usual_french_sentences() -> None:
    assert "virgule" in BETWEEN_TWO_AND_FIVE.evaluate((3, 5)).message
    assert "ne se lit pas" in BETWEEN_TWO_AND_FIVE.evaluate("trois").message
    assert "nombre fini" in BETWEEN_TWO_AND_FIVE.evaluate(float("nan")).message


def test_within_checks_both_sides_of_a_value_computed_when_checking() -> None:
    target = {"value": 1.0}
    exercise = NumberMeetingConditions(
        id="t2",
        variable="rapport",
        conditions=within(lambda: target["value"], 0.1, "trop bas.", "trop haut."),
        reference=1.0,
        wrong_examples=(2.0,),
        **COMMON,
    )
    assert exercise.evaluate(1.05).state is State.CORRECT
    assert exercise.evaluate(0.8).message == "trop bas."
    assert exercise.evaluate(1.2).message == "trop haut."
    target["value"] = 1.2
    assert exercise.evaluate(1.2).state is State.CORRECT


def test_at_least_one_condition_is_required() -> None:
    with pytest.raises(ValueError):
        NumberMeetingConditions(
            id="t3", variable="x", conditions=(), reference=1, wrong_examples=(2,), **COMMON
        )


@settings(max_examples=200, deadline=None)
@given(
    st.one_of(
        st.floats(allow_nan=True, allow_infinity=True),
        st.integers(),
        st.text(max_size=300),
        st.none(),
        st.lists(st.integers(), max_size=3),
    )
)
def test_checking_never_raises(answer) -> None:
    for feedback in (BETWEEN_TWO_AND_FIVE.evaluate(answer), BETWEEN_TWO_AND_FIVE.grade(answer)):
        assert feedback.state in (State.CORRECT, State.INCORRECT)
        assert feedback.message
