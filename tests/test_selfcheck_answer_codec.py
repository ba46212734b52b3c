"""An answer's value carried out of a graded kernel: what survives, what is refused."""

from __future__ import annotations

import json
import math

import numpy as np
import pytest

from widgets.selfcheck.answer_codec import (
    MIME_TYPE,
    TooLongText,
    UnsupportedAnswer,
    answer_message,
    decode,
    read_report,
)


def round_trip(value: object) -> object:
    message = answer_message("q1", "reponse", {"reponse": value})
    text = message[MIME_TYPE]
    assert text.isascii()
    report = read_report(text)
    assert report is not None and report.exercise_id == "q1" and report.present
    return report.value


@pytest.mark.parametrize(
    "value",
    [
        "B",
        "Maj + Entrée",
        "",
        "🎉",
        0,
        -3,
        25200,
        3.95,
        True,
        False,
        None,
        Ellipsis,
        [1, "a"],
        (3, 95),
    ],
)
def test_plain_answers_come_back_equal_and_of_the_same_type(value: object) -> None:
    back = round_trip(value)
    assert back == value and type(back) is type(value)


def test_lone_surrogates_and_non_finite_numbers_survive() -> None:
    assert round_trip("B\ud800") == "B\ud800"
    assert math.isnan(round_trip(float("nan")))
    assert round_trip(float("inf")) == math.inf


def test_numpy_numbers_become_plain_numbers() -> None:
    assert type(round_trip(np.int64(23))) is int and round_trip(np.int64(23)) == 23
    assert type(round_trip(np.float32(0.5))) is float


def test_huge_and_strange_values_are_reported_by_their_size_or_kind_only() -> None:
    assert round_trip("x" * 1_000_000) == TooLongText(1_000_000)
    assert isinstance(round_trip(list(range(10_000_000))), UnsupportedAnswer)
    assert isinstance(round_trip(10**5000), UnsupportedAnswer)

    class Trap:
        def __eq__(self, other: object) -> bool:
            raise RuntimeError

        def __repr__(self) -> str:
            raise RuntimeError

        __hash__ = None

    assert isinstance(round_trip(Trap()), UnsupportedAnswer)
    assert isinstance(round_trip({"a": 1}), UnsupportedAnswer)


def test_a_str_subclass_is_read_without_calling_its_methods() -> None:
    class Sly(str):
        def __str__(self) -> str:
            raise RuntimeError

    assert round_trip(Sly("B")) == "B"


def test_missing_variable_and_failed_cell_are_reported() -> None:
    report = read_report(answer_message("q2", "absente", {})[MIME_TYPE])
    assert report is not None and not report.present


@pytest.mark.parametrize(
    "text", [None, "", "pas du json", "[]", json.dumps({"valeur": 1}), "x" * 1_000_000]
)
def test_anything_that_is_not_a_report_is_ignored(text: object) -> None:
    assert read_report(text) is None


@pytest.mark.parametrize(
    "data",
    [None, [], {"type": "int", "v": "douze"}, {"type": "float", "v": 3}, {"type": "inconnu"}],
)
def test_forged_descriptions_decode_to_unsupported(data: object) -> None:
    assert isinstance(decode(data), UnsupportedAnswer)


def test_a_value_whose_conversion_raises_is_reported_as_unreadable() -> None:
    class Broken(int):
        def __int__(self) -> int:
            raise RuntimeError

    assert isinstance(round_trip(Broken(4)), UnsupportedAnswer)
