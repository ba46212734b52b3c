"""The exercise checkers, without Jupyter: every kind, every state, bad input."""

from __future__ import annotations

import math

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from widgets.selfcheck import (
    ComputedValue,
    FreeText,
    MultipleChoice,
    NumberInRange,
    State,
    TextRule,
)
from widgets.selfcheck.answers import normalize_text, parse_number

COMMON = {
    "question": "?",
    "why": "parce que.",
    "hints": ("un indice",),
    "solution": "la solution",
}

CHOICE = MultipleChoice(
    id="t1",
    variable="reponse_t1",
    options={"A": "un", "B": "deux", "C": "trois"},
    correct="B",
    advice={"A": "regardez la deuxième ligne."},
    reference="B",
    wrong_examples=("A",),
    **COMMON,
)
NUMBER = NumberInRange(
    id="t2",
    variable="seuil",
    expected=3.968,
    tolerance=0.02,
    unit="€",
    too_low="trop bas",
    too_high="trop haut",
    reference=3.95,
    wrong_examples=(4.0,),
    **COMMON,
)
TEXT = FreeText(
    id="t3",
    variable="mon_texte",
    rules=(
        TextRule("entree", r"\bentree\b", "Il manque Entrée."),
        TextRule("pas ctrl", r"\bctrl\b", "Pas de Ctrl.", must_match=False),
    ),
    reference="Maj + Entrée",
    wrong_examples=("Maj",),
    **COMMON,
)
COMPUTED = ComputedValue(
    id="t4",
    variable="total",
    expected=lambda: 180 * 140,
    advice="revoyez l'opération.",
    known_mistakes=((320, "vous avez additionné."),),
    reference=25200,
    wrong_examples=(320,),
    **COMMON,
)
ALL = (CHOICE, NUMBER, TEXT, COMPUTED)


@pytest.mark.parametrize("exercise", ALL, ids=lambda e: type(e).__name__)
def test_three_states(exercise) -> None:
    assert exercise.evaluate(exercise.reference).state is State.CORRECT
    assert exercise.evaluate(...).state is State.UNANSWERED
    wrong = exercise.evaluate(exercise.wrong_examples[0])
    assert wrong.state is State.INCORRECT
    assert wrong.message and wrong.message != exercise.why


@pytest.mark.parametrize("exercise", ALL, ids=lambda e: type(e).__name__)
def test_grading_counts_placeholder_as_wrong(exercise) -> None:
    assert exercise.grade(...).state is State.INCORRECT
    assert exercise.grade(exercise.reference).state is State.CORRECT


def test_multiple_choice_reads_letters_leniently() -> None:
    for answer in ("B", "b", " b ", "B)", "b."):
        assert CHOICE.evaluate(answer).is_correct, answer
    assert "regardez la deuxième ligne" in CHOICE.evaluate("a").message
    assert "A, B, C" not in CHOICE.evaluate("Z").message  # letters are quoted one by one
    assert '"C"' in CHOICE.evaluate("Z").message
    assert "lettre" in CHOICE.evaluate(2).message


def test_number_accepts_french_writing_within_its_tolerance() -> None:
    for answer in (3.95, "3,95", " 3.95 € ", np.float64(3.95), "3,97"):
        assert NUMBER.evaluate(answer).is_correct, answer
        assert NUMBER.grade(answer).is_correct, answer
    assert not NUMBER.evaluate(3.94).is_correct
    assert not NUMBER.grade(3.94).is_correct
    assert NUMBER.evaluate(1).message == "trop bas"
    assert NUMBER.evaluate(9).message == "trop haut"
    assert "point" in NUMBER.evaluate((3, 95)).message  # `seuil = 3,95` makes a tuple
    assert "nombre fini" in NUMBER.evaluate(math.nan).message
    assert "nombre" in NUMBER.evaluate(True).message


def test_parse_number_reads_thousands_separators() -> None:
    assert parse_number("25 200") == 25200
    assert parse_number("25\u202f200,5") == 25200.5
    assert parse_number("12 %") == 12


def test_free_text_rules_are_explained_and_the_same_when_grading() -> None:
    assert "Il manque Entrée." in TEXT.evaluate("Maj").message
    for verdict in (TEXT.evaluate, TEXT.grade):
        feedback = verdict("Maj + Entrée ou Ctrl + Entrée")
        assert feedback.state is State.INCORRECT and "Pas de Ctrl." in feedback.message
    assert TEXT.grade("Maj + Entrée").is_correct
    assert "vide" in TEXT.evaluate("   ").message
    assert "caractères" in TEXT.evaluate("a" * 1_000_000).message


def test_normalize_text_removes_accents_case_and_spaces() -> None:
    assert normalize_text("  MAJ   +\nEntrée ") == "maj + entree"


def test_computed_value_known_mistake_and_the_same_value_when_grading() -> None:
    assert COMPUTED.evaluate(320).message == "vous avez additionné."
    assert COMPUTED.evaluate(25199).message == "revoyez l'opération."
    for value in (25200, 25200.0, np.int64(25200)):
        assert COMPUTED.evaluate(value).is_correct
        assert COMPUTED.grade(value).is_correct
    assert COMPUTED.evaluate(np.arange(3)).state is State.INCORRECT


def test_invalid_definitions_are_refused() -> None:
    with pytest.raises(ValueError):
        MultipleChoice(
            id="x",
            variable="x",
            options={"A": "a"},
            correct="B",
            reference="B",
            wrong_examples=("A",),
            **COMMON,
        )
    with pytest.raises(ValueError):
        NumberInRange(
            id="x",
            variable="x",
            expected=1,
            tolerance=0,
            reference=1,
            wrong_examples=(),
            **COMMON,
        )


anything = st.one_of(
    st.none(),
    st.booleans(),
    st.integers(),
    st.floats(allow_nan=True, allow_infinity=True),
    st.text(),
    st.binary(),
    st.lists(st.integers(), max_size=5),
    st.tuples(st.integers(), st.integers()),
    st.dictionaries(st.text(max_size=3), st.integers(), max_size=3),
    st.sampled_from(["", " ", "😀🏛️", "\x00\x1b[31m", "é" * 300_000, "1" * 500]),
)


@settings(max_examples=300, deadline=None)
@given(answer=anything)
def test_no_answer_ever_raises_and_messages_are_french(answer) -> None:
    for exercise in ALL:
        for feedback in (exercise.evaluate(answer), exercise.grade(answer)):
            assert feedback.state in State
            assert feedback.message.strip()
            assert "Traceback" not in feedback.message
            assert "Error" not in feedback.message
